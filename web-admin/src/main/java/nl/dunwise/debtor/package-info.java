/** The cockpit's debtor page: search the division's debtors, and one debtor's whole story with the collector's actions. */
package nl.dunwise.debtor;
