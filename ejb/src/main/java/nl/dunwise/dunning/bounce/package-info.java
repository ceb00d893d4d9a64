/**
 * Bounces of reminder emails: the VERP envelope sender that names the reminder in the bounce address, the
 * parsing of delivery status notifications (RFC 3464) from the bounce mailbox, their recording on the
 * reminder and the debtor's address, and the timer that reads the mailbox over IMAP.
 */
package nl.dunwise.dunning.bounce;
