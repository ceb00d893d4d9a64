package nl.dunwise.exact.sync;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Function;

/**
 * The set-based upserts of a sync page: the page goes in as one array per column and one statement
 * inserts or updates all its rows. A row is only overwritten by a version at least as new (Exact's
 * Timestamp), so a late or replayed page cannot undo a newer change.
 */
final class ReceivableUpserts {

    private ReceivableUpserts() {
    }

    // Debtors from CRM/Accounts, keyed by division and Exact ID.
    private static final String ACCOUNTS = """
            INSERT INTO debtor (division, exact_id, code, name, email, phone, language, country, city, postcode,
                                address_line1, exact_status, is_customer, blocked_in_exact, credit_line,
                                payment_condition, exact_timestamp, synced_at)
            SELECT ?, u.exact_id, u.code, u.name, u.email, u.phone, u.language, u.country, u.city, u.postcode,
                   u.address_line1, u.status, u.customer, u.blocked, u.credit_line, u.payment_condition, u.ts, ?
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::numeric[], ?::text[], ?::bigint[])
                 AS u(exact_id, code, name, email, phone, language, country, city, postcode, address_line1, status,
                      customer, blocked, credit_line, payment_condition, ts)
            ON CONFLICT (division, exact_id) DO UPDATE SET
                code = excluded.code, name = excluded.name, email = excluded.email, phone = excluded.phone,
                language = excluded.language, country = excluded.country, city = excluded.city,
                postcode = excluded.postcode, address_line1 = excluded.address_line1,
                exact_status = excluded.exact_status, is_customer = excluded.is_customer,
                blocked_in_exact = excluded.blocked_in_exact, credit_line = excluded.credit_line,
                payment_condition = excluded.payment_condition, exact_timestamp = excluded.exact_timestamp,
                synced_at = excluded.synced_at
            WHERE debtor.exact_timestamp <= excluded.exact_timestamp
            """;

    // Open items from Cashflow/PaymentTerms, joined to their debtor. A term leaving status 20 (open) is
    // closed, not deleted: its history stays with the reminders that mentioned it. The debtor is looked up
    // row by row in its unique index: during an initial load the planner's statistics still describe the
    // empty table, and a plain join then hashed every debtor of the division for each page.
    // An account the division does not know yet (created in Exact after this run's Accounts pass) gets a
    // placeholder debtor (Timestamp 0, so the next Accounts pass fills it in); leaving the term out instead
    // would lose it, because the sync position moves past it. Only the accounts the lookup did not find are
    // offered for a placeholder, most pages none. One that another transaction stored meanwhile is
    // answered by the no-op update (the lookup's snapshot cannot see it, the conflict check can).
    private static final String PAYMENT_TERMS = """
            WITH u AS (
                SELECT u.*, (SELECT d.id FROM debtor d WHERE d.division = ? AND d.exact_id = u.account) AS debtor_id
                FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::numeric[],
                            ?::text[], ?::integer[], ?::text[], ?::bigint[])
                     AS u(exact_id, account, invoice_number, entry_number, invoice_date, due_date, amount, invoice_amount,
                          currency, status, description, ts)
            ), placeholder AS (
                INSERT INTO debtor (division, exact_id, code, name, exact_timestamp, synced_at)
                SELECT DISTINCT ?, u.account, '', 'Exact account ' || u.account, 0, ?::timestamptz
                FROM u WHERE u.debtor_id IS NULL
                ON CONFLICT (division, exact_id) DO UPDATE SET synced_at = debtor.synced_at
                RETURNING id, exact_id
            )
            INSERT INTO invoice (division, exact_id, debtor_id, invoice_number, entry_number, invoice_date, due_date,
                                 open_amount, amount, currency, exact_status, description, exact_timestamp, closed_at, synced_at)
            SELECT ?, u.exact_id, coalesce(u.debtor_id, p.id), u.invoice_number, u.entry_number, u.invoice_date::date,
                   u.due_date::date, u.amount, u.invoice_amount, coalesce(u.currency, ?), u.status, u.description, u.ts,
                   CASE WHEN u.status = 20 THEN NULL ELSE ?::timestamptz END, ?::timestamptz
            FROM u LEFT JOIN placeholder p ON u.debtor_id IS NULL AND p.exact_id = u.account
            ON CONFLICT (division, exact_id) DO UPDATE SET
                debtor_id = excluded.debtor_id, invoice_number = excluded.invoice_number,
                entry_number = excluded.entry_number, invoice_date = excluded.invoice_date,
                due_date = excluded.due_date, open_amount = excluded.open_amount, amount = excluded.amount,
                currency = excluded.currency,
                exact_status = excluded.exact_status, description = excluded.description,
                exact_timestamp = excluded.exact_timestamp, synced_at = excluded.synced_at,
                closed_at = CASE WHEN excluded.exact_status = 20 THEN NULL
                                 ELSE coalesce(invoice.closed_at, excluded.closed_at) END
            WHERE invoice.exact_timestamp <= excluded.exact_timestamp
            """;

    static int upsertAccounts(Connection c, int division, List<AccountRecord> rows, Timestamp now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ACCOUNTS)) {
            int i = 1;
            ps.setInt(i++, division);
            ps.setTimestamp(i++, now);
            ps.setArray(i++, array(c, "uuid", rows, AccountRecord::id));
            ps.setArray(i++, array(c, "text", rows, AccountRecord::code));
            ps.setArray(i++, array(c, "text", rows, AccountRecord::name));
            ps.setArray(i++, array(c, "text", rows, AccountRecord::email));
            ps.setArray(i++, array(c, "text", rows, AccountRecord::phone));
            ps.setArray(i++, array(c, "text", rows, AccountRecord::language));
            ps.setArray(i++, array(c, "text", rows, AccountRecord::country));
            ps.setArray(i++, array(c, "text", rows, AccountRecord::city));
            ps.setArray(i++, array(c, "text", rows, AccountRecord::postcode));
            ps.setArray(i++, array(c, "text", rows, AccountRecord::addressLine1));
            ps.setArray(i++, array(c, "text", rows, AccountRecord::status));
            ps.setArray(i++, array(c, "bool", rows, AccountRecord::customer));
            ps.setArray(i++, array(c, "bool", rows, AccountRecord::blocked));
            ps.setArray(i++, array(c, "numeric", rows, AccountRecord::creditLine));
            ps.setArray(i++, array(c, "text", rows, AccountRecord::paymentCondition));
            ps.setArray(i, array(c, "int8", rows, AccountRecord::timestamp));
            return ps.executeUpdate();
        }
    }

    static int upsertPaymentTerms(Connection c, int division, String divisionCurrency, List<PaymentTermRecord> rows,
            Timestamp now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PAYMENT_TERMS)) {
            int i = 1;
            ps.setInt(i++, division);
            ps.setArray(i++, array(c, "uuid", rows, PaymentTermRecord::id));
            ps.setArray(i++, array(c, "uuid", rows, PaymentTermRecord::account));
            ps.setArray(i++, array(c, "text", rows, PaymentTermRecord::invoiceNumber));
            ps.setArray(i++, array(c, "text", rows, PaymentTermRecord::entryNumber));
            ps.setArray(i++, array(c, "text", rows, r -> r.invoiceDate() == null ? null : r.invoiceDate().toString()));
            ps.setArray(i++, array(c, "text", rows, r -> r.dueDate().toString()));
            ps.setArray(i++, array(c, "numeric", rows, PaymentTermRecord::amount));
            ps.setArray(i++, array(c, "numeric", rows, PaymentTermRecord::invoiceAmount));
            ps.setArray(i++, array(c, "text", rows, PaymentTermRecord::currency));
            ps.setArray(i++, array(c, "int4", rows, PaymentTermRecord::status));
            ps.setArray(i++, array(c, "text", rows, PaymentTermRecord::description));
            ps.setArray(i++, array(c, "int8", rows, PaymentTermRecord::timestamp));
            ps.setInt(i++, division);
            ps.setTimestamp(i++, now);
            ps.setInt(i++, division);
            ps.setString(i++, divisionCurrency);
            ps.setTimestamp(i++, now);
            ps.setTimestamp(i, now);
            return ps.executeUpdate();
        }
    }

    static <T> Array array(Connection c, String type, List<T> rows, Function<T, Object> column) throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return c.createArrayOf(type, values);
    }
}
