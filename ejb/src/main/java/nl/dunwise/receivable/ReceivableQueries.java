package nl.dunwise.receivable;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import nl.dunwise.money.Money;

/** Read models over debtors and open items. */
@Stateless
public class ReceivableQueries {

    @PersistenceContext(unitName = "dunwise")
    private EntityManager em;

    @Resource(lookup = "jdbc/dunwise")
    private DataSource dataSource;

    @Inject
    private Clock clock;

    public Optional<Debtor> debtor(int division, long debtorId) {
        return Optional.ofNullable(em.find(Debtor.class, debtorId)).filter(d -> d.getDivision() == division);
    }

    /** The open items of one debtor, oldest due first. The division is part of the key: never trust an id alone. */
    public List<Invoice> openItems(int division, long debtorId) {
        return em.createQuery("""
                select i from Invoice i
                where i.division = :division and i.debtorId = :debtor and i.closedAt is null
                order by i.dueDate, i.invoiceNumber
                """, Invoice.class)
                .setParameter("division", division).setParameter("debtor", debtorId)
                .getResultList();
    }

    /** Totals and aging of a division's open items, in one pass over the open-items index. */
    public ReceivablesOverview overview(int division, String currency) {
        // PgJDBC sends dates untyped, so "today" is cast once and date arithmetic stays date arithmetic.
        String sql = """
                WITH t AS (SELECT CAST(? AS date) AS today)
                SELECT count(DISTINCT debtor_id),
                       count(*),
                       coalesce(sum(open_amount), 0),
                       coalesce(sum(open_amount) FILTER (WHERE due_date < t.today), 0),
                       coalesce(sum(open_amount) FILTER (WHERE due_date >= t.today), 0),
                       coalesce(sum(open_amount) FILTER (WHERE due_date < t.today AND due_date >= t.today - 30), 0),
                       coalesce(sum(open_amount) FILTER (WHERE due_date < t.today - 30 AND due_date >= t.today - 60), 0),
                       coalesce(sum(open_amount) FILTER (WHERE due_date < t.today - 60 AND due_date >= t.today - 90), 0),
                       coalesce(sum(open_amount) FILTER (WHERE due_date < t.today - 90), 0)
                FROM invoice, t
                WHERE division = ? AND closed_at IS NULL
                """;
        Date today = Date.valueOf(LocalDate.now(clock));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, today);
            ps.setInt(2, division);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Map<AgingBucket, Money> aging = new EnumMap<>(AgingBucket.class);
                AgingBucket[] buckets = AgingBucket.values();
                for (int b = 0; b < buckets.length; b++) {
                    aging.put(buckets[b], money(rs.getBigDecimal(5 + b), currency));
                }
                return new ReceivablesOverview(division, rs.getLong(1), rs.getLong(2),
                        money(rs.getBigDecimal(3), currency), money(rs.getBigDecimal(4), currency), aging);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compute the receivables overview", e);
        }
    }

    private static Money money(BigDecimal amount, String currency) {
        return Money.of(amount, currency);
    }
}
