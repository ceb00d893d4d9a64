/** The cockpit's Exact Online panel and the OAuth2 callback. */
package nl.dunwise.exact;
