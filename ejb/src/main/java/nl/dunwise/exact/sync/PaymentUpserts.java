package nl.dunwise.exact.sync;

import static nl.dunwise.exact.sync.ReceivableUpserts.array;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Payments from Financial/TransactionLines, set-based: a page of payment lines in one upsert, and the
 * payments still waiting for their invoice linked once a page of terms brings it.
 */
final class PaymentUpserts {

    private PaymentUpserts() {
    }

    // Payment lines keyed by division and Exact ID, linked to the debtor by account and to the invoice by
    // invoice number within that debtor (the earliest-due term when an invoice has several). Amounts are in
    // the division's currency (AmountDC), as the invoices' open amounts are.
    private static final String PAYMENTS = """
            INSERT INTO payment (division, exact_id, account_exact_id, debtor_id, invoice_id, invoice_number, amount,
                                 currency, paid_on, exact_timestamp)
            SELECT ?, u.exact_id, u.account, d.id, inv.id, u.invoice_number, u.amount, ?, u.paid_on::date, u.ts
            FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::numeric[], ?::text[], ?::bigint[])
                 AS u(exact_id, account, invoice_number, amount, paid_on, ts)
            LEFT JOIN debtor d ON d.division = ? AND d.exact_id = u.account
            LEFT JOIN LATERAL (
                SELECT i.id FROM invoice i
                WHERE i.division = d.division AND i.invoice_number = u.invoice_number AND i.debtor_id = d.id
                ORDER BY i.due_date, i.id LIMIT 1
            ) inv ON true
            ON CONFLICT (division, exact_id) DO UPDATE SET
                account_exact_id = excluded.account_exact_id, debtor_id = excluded.debtor_id,
                invoice_id = excluded.invoice_id, invoice_number = excluded.invoice_number, amount = excluded.amount,
                currency = excluded.currency, paid_on = excluded.paid_on, exact_timestamp = excluded.exact_timestamp
            WHERE payment.exact_timestamp IS NULL OR payment.exact_timestamp <= excluded.exact_timestamp
            """;

    // Payments seen before their invoice (both booked in Exact between this run's PaymentTerms and
    // TransactionLines passes) are linked when a later page of terms brings an invoice of that number.
    private static final String LINK_WAITING = """
            UPDATE payment p SET invoice_id = i.id, debtor_id = i.debtor_id
            FROM (SELECT DISTINCT ON (i.debtor_id, i.invoice_number) i.id, i.debtor_id, i.invoice_number, d.exact_id
                  FROM invoice i JOIN debtor d ON d.id = i.debtor_id
                  WHERE i.division = ? AND i.invoice_number = ANY(?::text[])
                  ORDER BY i.debtor_id, i.invoice_number, i.due_date, i.id) i
            WHERE p.division = ? AND p.invoice_id IS NULL AND p.invoice_number = i.invoice_number
              AND p.account_exact_id = i.exact_id
            """;

    static int upsert(Connection c, int division, String divisionCurrency, List<TransactionLineRecord> payments)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PAYMENTS)) {
            int i = 1;
            ps.setInt(i++, division);
            ps.setString(i++, divisionCurrency);
            ps.setArray(i++, array(c, "uuid", payments, TransactionLineRecord::id));
            ps.setArray(i++, array(c, "uuid", payments, TransactionLineRecord::account));
            ps.setArray(i++, array(c, "text", payments, TransactionLineRecord::invoiceNumber));
            ps.setArray(i++, array(c, "numeric", payments, TransactionLineRecord::paidAmount));
            ps.setArray(i++, array(c, "text", payments, r -> r.date().toString()));
            ps.setArray(i++, array(c, "int8", payments, TransactionLineRecord::timestamp));
            ps.setInt(i, division);
            return ps.executeUpdate();
        }
    }

    static int linkWaiting(Connection c, int division, List<PaymentTermRecord> terms) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LINK_WAITING)) {
            ps.setInt(1, division);
            ps.setArray(2, array(c, "text", terms, PaymentTermRecord::invoiceNumber));
            ps.setInt(3, division);
            return ps.executeUpdate();
        }
    }
}
