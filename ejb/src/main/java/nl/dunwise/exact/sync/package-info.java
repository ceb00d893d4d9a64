/**
 * Incremental sync from Exact Online's sync endpoints: each page is upserted set-based and the highest
 * Exact Timestamp of the page is committed with it, so an interrupted sync resumes where it stopped
 * and never loses or doubles a row.
 */
package nl.dunwise.exact.sync;
