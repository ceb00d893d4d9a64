/**
 * The debtor portal: admission through a signed payment link (the session then belongs to that one
 * debtor), and the pages that show the debtor its open items. Every page asks the service with the
 * admitted debtor, never with an id from the request.
 */
package nl.dunwise.portal;
