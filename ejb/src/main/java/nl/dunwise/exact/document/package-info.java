/**
 * The PDFs of invoices as Exact Online keeps them: which receivable has one (its sales invoice's document
 * and that document's PDF attachment, synced by {@code exact.sync}), fetched from Exact only when a
 * reminder needs it and kept in the database after, so that each file is downloaded once.
 */
package nl.dunwise.exact.document;
