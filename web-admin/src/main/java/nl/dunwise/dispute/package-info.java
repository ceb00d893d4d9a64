/** The dispute dialogs of the debtor page: raise a dispute on an open invoice, resolve an open one. */
package nl.dunwise.dispute;
