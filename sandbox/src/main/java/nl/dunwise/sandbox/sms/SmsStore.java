package nl.dunwise.sandbox.sms;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import nl.dunwise.sandbox.exact.store.Jdbc;

/**
 * The messages the gateway took, in {@code exs_sms_message} of the sandbox database (created here, idempotent,
 * like the Exact tables). Ids are 32 hex characters as MessageBird's.
 */
@ApplicationScoped
public class SmsStore {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS exs_sms_message (
                id          varchar(32) PRIMARY KEY,
                originator  varchar(20) NOT NULL,
                recipients  text[]      NOT NULL,
                body        text        NOT NULL,
                reference   text,
                unicode     boolean     NOT NULL,
                parts       integer     NOT NULL,
                created     timestamptz NOT NULL)""";

    /** A stored message. */
    public record Message(String id, String originator, List<String> recipients, String body, String reference,
                          boolean unicode, int parts, Instant created) {
    }

    @Resource(lookup = "jdbc/exactSandbox")
    DataSource dataSource;

    @PostConstruct
    void install() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(DDL);
            st.execute("CREATE INDEX IF NOT EXISTS exs_sms_message_reference ON exs_sms_message (reference)");
        } catch (SQLException e) {
            throw new IllegalStateException("SMS sandbox store not ready: " + e.getMessage(), e);
        }
    }

    public Message save(SmsSubmission s, Instant at) {
        Message m = new Message(UUID.randomUUID().toString().replace("-", ""), s.originator(), s.recipients(), s.body(),
                s.reference(), s.unicode(), s.parts(), at);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO exs_sms_message (id, originator, recipients, body, reference, unicode, parts, created) "
                        + "VALUES (?,?,?,?,?,?,?,?)")) {
            Jdbc.bind(ps, m.id(), m.originator(), c.createArrayOf("text", m.recipients().toArray()), m.body(),
                    m.reference(), m.unicode(), m.parts(), Jdbc.utc(at));
            ps.executeUpdate();
            return m;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the message: " + e.getMessage(), e);
        }
    }

    public Optional<Message> find(String id) {
        List<Message> found = query("SELECT * FROM exs_sms_message WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** Newest first; {@code recipient} and {@code reference} filter when given. */
    public List<Message> list(String recipient, String reference, int limit, int offset) {
        return query("""
                SELECT * FROM exs_sms_message
                WHERE (CAST(? AS text) IS NULL OR ? = ANY (recipients))
                  AND (CAST(? AS text) IS NULL OR reference = ?)
                ORDER BY created DESC, id
                LIMIT ? OFFSET ?""", recipient, recipient, reference, reference, limit, offset);
    }

    private List<Message> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            List<Message> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array recipients = rs.getArray("recipients");
                    out.add(new Message(rs.getString("id"), rs.getString("originator"),
                            Arrays.asList((String[]) recipients.getArray()), rs.getString("body"),
                            rs.getString("reference"), rs.getBoolean("unicode"), rs.getInt("parts"),
                            Jdbc.instant(rs, "created")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read messages: " + e.getMessage(), e);
        }
    }
}
