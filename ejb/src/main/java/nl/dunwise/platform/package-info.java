/**
 * What every feature stands on: the database migration at deploy, the injectable clock and the
 * plain-sentence failures an operator sees in the log with the {@code DUNWISE:} prefix.
 */
package nl.dunwise.platform;
