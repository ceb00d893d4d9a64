/** The cockpit's view of receivables: totals and aging per division. */
package nl.dunwise.receivable;
