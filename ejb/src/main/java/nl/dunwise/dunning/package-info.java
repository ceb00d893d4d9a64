/**
 * The dunning engine: scenarios of steps (policy as data), the set-based planning run that decides which
 * debtor gets which step, and the dispatcher that claims each planned reminder once and sends it. Beside it
 * what the law fixes around a reminder, each from a dated data file next to the classes: collection costs,
 * statutory interest, the allocation of a payment, the 14-day letter's deadline, business days and the send window.
 */
package nl.dunwise.dunning;
