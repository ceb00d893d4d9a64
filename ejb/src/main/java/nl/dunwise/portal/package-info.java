/**
 * What the debtor portal stands on: signed, expiring payment links that open the portal for one debtor
 * without a password, and the debtor's view of its open items.
 */
package nl.dunwise.portal;
