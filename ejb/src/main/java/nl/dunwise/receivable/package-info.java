/**
 * Debtors and their open items (invoices and credit notes) as synced from Exact Online, and the
 * read models over them: open items per debtor, aging buckets, totals.
 */
package nl.dunwise.receivable;
