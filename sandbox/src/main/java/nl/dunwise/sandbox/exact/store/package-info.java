/**
 * PostgreSQL persistence through the server's {@code jdbc/exactSandbox} datasource with plain JDBC.
 * The sandbox creates its own {@code exs_} tables at startup and seeds them only when no division
 * exists, so a second run reuses the data and the OAuth connections of the first. Every row carries a
 * {@code row_version} from one sequence, set on insert and bumped by a trigger on every real change:
 * that is Exact's Timestamp, increasing per division as sync endpoints require.
 */
package nl.dunwise.sandbox.exact.store;
