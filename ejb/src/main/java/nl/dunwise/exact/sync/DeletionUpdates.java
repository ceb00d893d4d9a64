package nl.dunwise.exact.sync;

import static nl.dunwise.exact.sync.ReceivableUpserts.array;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Applies a page of sync/Deleted in one statement. Nothing is removed: reminders, disputes and the
 * payment history refer to these rows, so a deletion marks them. Each marked row takes the deletion's
 * Timestamp (Exact's row versions are one sequence), so an older version replayed later cannot revive it.
 */
final class DeletionUpdates {

    private DeletionUpdates() {
    }

    // Per kind: a deleted account marks its debtor, a deleted payment term closes its invoice (at the
    // deletion date), a deleted contact or transaction line (a reversed payment) is marked, a deleted attachment
    // is marked and its cached file dropped (no reminder attaches it any more). Kinds Dunwise does not keep pass
    // by, sales invoices among them: Exact's key for those (InvoiceID or a line's ID) is not documented, and an
    // invoice deleted in Exact closes its receivable through its payment term anyway. Answers how many rows
    // were marked.
    private static final String DELETIONS = """
            WITH d AS (
                SELECT * FROM unnest(?::uuid[], ?::integer[], ?::text[], ?::bigint[])
                         AS d(exact_id, entity_type, deleted_at, ts)
            ), accounts AS (
                UPDATE debtor t SET deleted_in_exact = true, exact_timestamp = greatest(t.exact_timestamp, d.ts)
                FROM d WHERE d.entity_type = ? AND t.division = ? AND t.exact_id = d.exact_id
                RETURNING t.id
            ), terms AS (
                UPDATE invoice t SET deleted_in_exact = true, exact_timestamp = greatest(t.exact_timestamp, d.ts),
                       closed_at = coalesce(t.closed_at, d.deleted_at::timestamptz, ?::timestamptz)
                FROM d WHERE d.entity_type = ? AND t.division = ? AND t.exact_id = d.exact_id
                RETURNING t.id
            ), contacts AS (
                UPDATE contact t SET deleted_in_exact = true, exact_timestamp = greatest(t.exact_timestamp, d.ts)
                FROM d WHERE d.entity_type = ? AND t.division = ? AND t.exact_id = d.exact_id
                RETURNING t.id
            ), payments AS (
                UPDATE payment t SET deleted_in_exact = true, exact_timestamp = greatest(t.exact_timestamp, d.ts)
                FROM d WHERE d.entity_type = ? AND t.division = ? AND t.exact_id = d.exact_id
                RETURNING t.id
            ), attachments AS (
                UPDATE document_attachment t SET deleted_in_exact = true, exact_timestamp = greatest(t.exact_timestamp, d.ts),
                       content = NULL, content_type = NULL
                FROM d WHERE d.entity_type = ? AND t.division = ? AND t.exact_id = d.exact_id
                RETURNING t.id
            )
            SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM terms)
                 + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM payments) + (SELECT count(*) FROM attachments)
            """;

    static int apply(Connection c, int division, List<DeletionRecord> rows, Timestamp now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DELETIONS)) {
            int i = 1;
            ps.setArray(i++, array(c, "uuid", rows, DeletionRecord::entityKey));
            ps.setArray(i++, array(c, "int4", rows, DeletionRecord::entityType));
            ps.setArray(i++, array(c, "text", rows, r -> r.deletedAt() == null ? null : r.deletedAt().toString()));
            ps.setArray(i++, array(c, "int8", rows, DeletionRecord::timestamp));
            ps.setInt(i++, DeletionRecord.ACCOUNT);
            ps.setInt(i++, division);
            ps.setTimestamp(i++, now);
            ps.setInt(i++, DeletionRecord.PAYMENT_TERM);
            ps.setInt(i++, division);
            ps.setInt(i++, DeletionRecord.CONTACT);
            ps.setInt(i++, division);
            ps.setInt(i++, DeletionRecord.TRANSACTION_LINE);
            ps.setInt(i++, division);
            ps.setInt(i++, DeletionRecord.ATTACHMENT);
            ps.setInt(i, division);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
