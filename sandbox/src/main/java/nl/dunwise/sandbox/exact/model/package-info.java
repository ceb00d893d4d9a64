/**
 * What the simulated Exact Online exposes: the entity sets with their properties, OData types and
 * SQL sources, and Exact-specific value forms such as the account code padded to 18 characters.
 * One place to look when the question is "which fields does the sandbox serve, and how".
 */
package nl.dunwise.sandbox.exact.model;
