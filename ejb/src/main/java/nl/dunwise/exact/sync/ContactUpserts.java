package nl.dunwise.exact.sync;

import static nl.dunwise.exact.sync.ReceivableUpserts.array;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/** The set-based upsert of a page of CRM/Contacts; a row only moves forward in Exact's Timestamp. */
final class ContactUpserts {

    private ContactUpserts() {
    }

    // Contacts keyed by division and Exact ID, kept by their account's Exact ID (see V4 on why).
    private static final String CONTACTS = """
            INSERT INTO contact (division, exact_id, account_exact_id, full_name, first_name, last_name, email, phone,
                                 mobile, is_main_contact, exact_timestamp, synced_at)
            SELECT ?, u.exact_id, u.account, u.full_name, u.first_name, u.last_name, u.email, u.phone, u.mobile,
                   u.main, u.ts, ?
            FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::boolean[], ?::bigint[])
                 AS u(exact_id, account, full_name, first_name, last_name, email, phone, mobile, main, ts)
            ON CONFLICT (division, exact_id) DO UPDATE SET
                account_exact_id = excluded.account_exact_id, full_name = excluded.full_name,
                first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
                phone = excluded.phone, mobile = excluded.mobile, is_main_contact = excluded.is_main_contact,
                exact_timestamp = excluded.exact_timestamp, synced_at = excluded.synced_at
            WHERE contact.exact_timestamp <= excluded.exact_timestamp
            """;

    static int upsert(Connection c, int division, List<ContactRecord> rows, Timestamp now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CONTACTS)) {
            int i = 1;
            ps.setInt(i++, division);
            ps.setTimestamp(i++, now);
            ps.setArray(i++, array(c, "uuid", rows, ContactRecord::id));
            ps.setArray(i++, array(c, "uuid", rows, ContactRecord::account));
            ps.setArray(i++, array(c, "text", rows, ContactRecord::fullName));
            ps.setArray(i++, array(c, "text", rows, ContactRecord::firstName));
            ps.setArray(i++, array(c, "text", rows, ContactRecord::lastName));
            ps.setArray(i++, array(c, "text", rows, ContactRecord::email));
            ps.setArray(i++, array(c, "text", rows, ContactRecord::phone));
            ps.setArray(i++, array(c, "text", rows, ContactRecord::mobile));
            ps.setArray(i++, array(c, "bool", rows, ContactRecord::mainContact));
            ps.setArray(i, array(c, "int8", rows, ContactRecord::timestamp));
            return ps.executeUpdate();
        }
    }
}
