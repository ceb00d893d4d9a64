/**
 * Disputes on invoices: a collector flags an open invoice with a reason, a text and an owner; dunning pauses
 * for that invoice only until the dispute is resolved as credited, adjusted or rejected (which resumes it).
 * Each step is audited and noted on the debtor's Exact account.
 */
package nl.dunwise.dispute;
