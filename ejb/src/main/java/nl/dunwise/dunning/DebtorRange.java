package nl.dunwise.dunning;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The debtors with ids from {@code first} to {@code last}, both included: one slice of a planning run. */
public record DebtorRange(long first, long last) implements Serializable {

    static final DebtorRange ALL = new DebtorRange(Long.MIN_VALUE, Long.MAX_VALUE);

    /** Sets the range as the statement's parameters {@code index} and {@code index + 1}. */
    void set(PreparedStatement ps, int index) throws SQLException {
        ps.setLong(index, first);
        ps.setLong(index + 1, last);
    }
}
