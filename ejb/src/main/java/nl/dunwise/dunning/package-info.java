/**
 * The dunning engine: scenarios of steps (policy as data), the set-based planning run that decides which
 * debtor gets which step, and the dispatcher that claims each planned reminder once and sends it.
 */
package nl.dunwise.dunning;
