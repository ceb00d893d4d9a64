/** The cockpit's dunning: the run-now panel, the credit team's dunning page (approvals, skips, scores) and the template editor. */
package nl.dunwise.dunning;
