package nl.dunwise.sandbox.exact.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

import nl.dunwise.sandbox.exact.document.InvoicePdf;
import nl.dunwise.sandbox.exact.model.Entities;
import nl.dunwise.sandbox.exact.model.Entities.SyncEntity;
import nl.dunwise.sandbox.exact.oauth.Passwords;
import nl.dunwise.sandbox.exact.odata.EntitySchema;
import nl.dunwise.sandbox.exact.odata.Field;
import nl.dunwise.sandbox.exact.odata.SqlFilter;

/** Reads of the simulated Exact data, and the few writes a client may make (notes, account hold and credit line). */
@Stateless
public class ExactStore {

    /** Key of the row maps of {@link #sync} and {@link #notes} holding the row version pages are cut by. */
    public static final String PAGE_KEY = "\u0000row_version";

    @Resource(lookup = "jdbc/exactSandbox")
    DataSource dataSource;

    public record DivisionRow(int code, String description, long hid, String currency, String country, int status,
                              long seed, LocalDate generatedOn) {
    }

    public record UserRow(UUID id, String username, String fullName, String email, String languageCode,
                          int currentDivision) {
    }

    /** One sync page as fetched (possibly one row more than a page) and, if asked, the total count. */
    public record SyncRows(List<Map<String, Object>> rows, Long count) {
    }

    public List<DivisionRow> divisions() {
        return query("SELECT code, description, hid, currency, country, status, seed, generated_on FROM exs_division "
                + "ORDER BY code", ps -> { }, rs -> new DivisionRow(rs.getInt(1), rs.getString(2), rs.getLong(3),
                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getObject(8, LocalDate.class)));
    }

    public Optional<DivisionRow> division(int code) {
        return divisions().stream().filter(d -> d.code() == code).findFirst();
    }

    public Optional<UserRow> user(UUID id) {
        return query("SELECT id, username, full_name, email, language_code, current_division FROM exs_user WHERE id = ?",
                ps -> ps.setObject(1, id), ExactStore::userRow).stream().findFirst();
    }

    /** The user with these credentials, if the password matches. */
    public Optional<UserRow> login(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        List<Object[]> found = query("SELECT id, password_hash FROM exs_user WHERE lower(username) = lower(?)",
                ps -> ps.setString(1, username.strip()), rs -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)});
        if (found.isEmpty() || !Passwords.verify(password, (String) found.get(0)[1])) {
            return Optional.empty();
        }
        return user((UUID) found.get(0)[0]);
    }

    /**
     * Rows of a sync entity with {@code Timestamp > after} that match the filter, in Timestamp order.
     * The result maps hold every selected field plus ID, which {@code __metadata} needs even when not
     * selected, and the row version under {@link #PAGE_KEY}, which paging needs.
     */
    public SyncRows sync(SyncEntity entity, int division, List<Field> selected, SqlFilter.Fragment filter,
                         long after, int limit, boolean count) {
        return page(entity.table(), entity.schema(), division, selected, filter, after, limit, count);
    }

    /** A page of communication notes, in the order they were created; the same contract as {@link #sync}. */
    public SyncRows notes(int division, List<Field> selected, SqlFilter.Fragment filter, long after, int limit,
                          boolean count) {
        return page("exs_communication_note", Entities.COMMUNICATION_NOTES, division, selected, filter, after, limit,
                count);
    }

    /**
     * Stores a note on an account of the division; empty when the division has no such account. Returns the
     * stored record's values by property name.
     */
    public Optional<Map<String, Object>> createNote(int division, UUID account, UUID contact, String subject,
                                                    String notes, UUID creator, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = update("INSERT INTO exs_communication_note (id, division, account_id, contact_id, subject, notes, "
                + "creator, created, modified) SELECT ?, division, id, ?, ?, ?, ?, ?, ? FROM exs_account "
                + "WHERE division = ? AND id = ?", id, contact, subject, notes, creator, Jdbc.utc(now), Jdbc.utc(now),
                division, account);
        if (inserted == 0) {
            return Optional.empty();
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ID", id);
        v.put("Account", account);
        v.put("Contact", contact);
        v.put("Created", now);
        v.put("Creator", creator);
        v.put("Division", division);
        v.put("Modified", now);
        v.put("Notes", notes);
        v.put("Subject", subject);
        return Optional.of(v);
    }

    /**
     * Changes Blocked and/or CreditLineSales (null arguments leave a value alone); false when the division has
     * no such account. The row-version trigger bumps the account's Timestamp when a value really changes, so
     * the next sync of CRM/Accounts returns it. Under {@link Schema#WRITE_LOCK}, so that commit order stays
     * Timestamp order for concurrent syncs.
     */
    public boolean updateAccount(int division, UUID account, Boolean blocked, Optional<BigDecimal> creditLine,
                                 Instant now) {
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + Schema.WRITE_LOCK + ")");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE exs_account SET "
                    + "blocked = coalesce(?, blocked), "
                    + "credit_line_sales = CASE WHEN ? THEN ? ELSE credit_line_sales END, "
                    + "modified = CASE WHEN blocked IS DISTINCT FROM coalesce(?, blocked) "
                    + "  OR (? AND credit_line_sales IS DISTINCT FROM ?) THEN ? ELSE modified END "
                    + "WHERE division = ? AND id = ?")) {
                boolean setsLine = creditLine != null;
                BigDecimal line = setsLine ? creditLine.orElse(null) : null;
                Jdbc.bind(ps, blocked, setsLine, line, blocked, setsLine, line, Jdbc.utc(now), division, account);
                return ps.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Exact sandbox update failed: " + e.getMessage(), e);
        }
    }

    private SyncRows page(String table, EntitySchema schema, int division, List<Field> selected,
                          SqlFilter.Fragment filter, long after, int limit, boolean count) {
        List<Field> columns = new ArrayList<>(selected);
        Field id = schema.require("ID");
        if (!columns.contains(id)) {
            columns.add(id);
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(columns.get(i).sql()).append(" AS c").append(i).append(", ");
        }
        sql.append("row_version");
        String where = " FROM " + table + " WHERE division = ?" + (filter == null ? "" : " AND " + filter.sql());
        sql.append(where).append(" AND row_version > ? ORDER BY row_version LIMIT ?");
        List<Object> params = new ArrayList<>();
        params.add(division);
        if (filter != null) {
            params.addAll(filter.params());
        }
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(after);
        pageParams.add(limit);
        List<Map<String, Object>> rows = query(sql.toString(), ps -> Jdbc.bind(ps, pageParams), rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i).name(), RowReader.read(rs, i + 1, columns.get(i).type()));
            }
            row.put(PAGE_KEY, rs.getLong(columns.size() + 1));
            return row;
        });
        Long total = null;
        if (count) {
            total = query("SELECT count(*)" + where, ps -> Jdbc.bind(ps, params), rs -> rs.getLong(1)).get(0);
        }
        return new SyncRows(rows, total);
    }

    /** A document attachment: its file name and the invoice it is the PDF of. */
    public record AttachmentFile(String fileName, InvoicePdf.Data invoice) {
    }

    /** The attachment with this ID in the division, if there is one. */
    public Optional<AttachmentFile> attachment(int division, UUID id) {
        return query("SELECT x.file_name, " + DocumentSeeder.PDF_COLUMNS + " FROM exs_document_attachment x "
                + "JOIN exs_sales_invoice s ON s.document_id = x.document_id JOIN exs_account a ON a.id = s.account_id "
                + "JOIN exs_division d ON d.code = s.division WHERE x.division = ? AND x.id = ?",
                ps -> Jdbc.bind(ps, division, id), rs -> new AttachmentFile(rs.getString(1), DocumentSeeder.pdfData(rs, 2)))
                .stream().findFirst();
    }

    /** Counts for the control endpoint. */
    public Map<String, Object> counts() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accounts", single("SELECT count(*) FROM exs_account"));
        m.put("openItems", single("SELECT count(*) FROM exs_payment_term WHERE status = 20"));
        // What sync/Cashflow/PaymentTerms delivers: the paid history's processed terms (status 50) as well.
        m.put("paymentTerms", single("SELECT count(*) FROM exs_payment_term"));
        m.put("accountsWithOpenItems", single("SELECT count(DISTINCT account_id) FROM exs_payment_term WHERE status = 20"));
        m.put("creditNotes", single("SELECT count(*) FROM exs_payment_term WHERE status = 20 AND amount_dc < 0"));
        m.put("partPaid", single("SELECT count(*) FROM exs_payment_term WHERE status = 20 AND amount_dc <> transaction_amount_dc"));
        m.put("overdue", single("SELECT count(*) FROM exs_payment_term WHERE status = 20 AND due_date < current_date"));
        m.put("contacts", single("SELECT count(*) FROM exs_contact"));
        m.put("transactionLines", single("SELECT count(*) FROM exs_transaction_line"));
        m.put("deleted", single("SELECT count(*) FROM exs_deleted"));
        m.put("salesInvoices", single("SELECT count(DISTINCT invoice_id) FROM exs_sales_invoice"));
        m.put("invoicePdfs", single("SELECT count(*) FROM exs_document_attachment"));
        m.put("maxTimestamp", single("SELECT coalesce(max(v), 0) FROM (SELECT max(row_version) v FROM exs_account "
                + "UNION ALL SELECT max(row_version) FROM exs_contact UNION ALL SELECT max(row_version) FROM exs_payment_term "
                + "UNION ALL SELECT max(row_version) FROM exs_transaction_line UNION ALL SELECT max(row_version) FROM exs_deleted "
                + "UNION ALL SELECT max(row_version) FROM exs_sales_invoice UNION ALL SELECT max(row_version) FROM exs_document "
                + "UNION ALL SELECT max(row_version) FROM exs_document_attachment) x"));
        m.put("activeConnections", single("SELECT count(*) FROM exs_oauth_grant WHERE revoked_at IS NULL"));
        return m;
    }

    private int update(String sql, Object... params) {
        return Jdbc.update(dataSource, sql, ps -> Jdbc.bind(ps, params));
    }

    private long single(String sql) {
        return query(sql, ps -> { }, rs -> rs.getLong(1)).get(0);
    }

    private static UserRow userRow(ResultSet rs) throws SQLException {
        return new UserRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6));
    }

    private <T> List<T> query(String sql, Jdbc.Binder binder, Jdbc.Mapper<T> mapper) {
        return Jdbc.query(dataSource, sql, binder, mapper);
    }
}
