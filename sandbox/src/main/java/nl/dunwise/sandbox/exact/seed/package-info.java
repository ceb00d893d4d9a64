/**
 * The seeded generator of demo data: a division, its debtors with Dutch, Belgian and German names and
 * addresses, and their open items spread over every state a dunning run meets (not yet due, overdue in
 * each ageing bucket, part-paid, credit notes), driven by payment-behaviour profiles. It is pure: the
 * same seed, sizes and day give the same data, so a failing test can be replayed, and the store only
 * writes what it returns.
 */
package nl.dunwise.sandbox.exact.seed;
