/**
 * Sales invoices' documents as Exact keeps them: the PDF of each printed invoice, made on request from the
 * invoice's data (so that a million invoices need no million stored files), and the download at
 * {@code /docs/SysAttachment.aspx} that DocumentAttachments' {@code Url} points to.
 */
package nl.dunwise.sandbox.exact.document;
