/** The cockpit's dunning panel. */
package nl.dunwise.dunning;
