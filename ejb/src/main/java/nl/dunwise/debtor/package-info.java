/**
 * A debtor's file as a collector works it: postponing or blocking dunning, credit hold and credit limit,
 * promises to pay (made, cancelled, and settled as kept or broken by the planning run), and the debtor's
 * whole story on one page. Every action is audited and leaves a note on the Exact account (a hold and a
 * credit limit also change the account) through the write-back outbox, in the action's transaction.
 */
package nl.dunwise.debtor;
