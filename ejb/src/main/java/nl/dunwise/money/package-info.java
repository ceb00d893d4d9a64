/** Amounts of money with their currency; never a double. */
package nl.dunwise.money;
