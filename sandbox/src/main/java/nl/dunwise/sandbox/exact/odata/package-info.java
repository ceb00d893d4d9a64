/**
 * The small slice of OData v2 that Exact Online speaks, as plain classes with no server around them:
 * parsing {@code $filter} (with Exact's strictness, e.g. Int64 literals need their {@code L}),
 * {@code $select}, the other system query options, {@code /Date(ms)/} values, skiptoken paging and
 * the {@code {"d": ...}} JSON envelope with Int64 values written as strings. Keeping it free of JAX-RS
 * and JDBC lets the quirks a client has to cope with be pinned down by unit tests.
 */
package nl.dunwise.sandbox.exact.odata;
