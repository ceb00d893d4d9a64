package nl.dunwise.sandbox.exact.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import nl.dunwise.sandbox.exact.seed.DemoDataGenerator;

/**
 * Seeds a division at volume (100,000 accounts and 1,000,000 open items in about a minute and a half on two busy
 * cores) with set-based SQL: one {@code INSERT .. SELECT FROM generate_series} per table instead of a row per Java
 * object. It is what the sync benchmark loads; the demo keeps {@link DemoDataGenerator}'s hand-shaped data.
 *
 * <p>The division, the demo user and debtor 1000 come from the generator (so sign-in and the demo debtor work as
 * always); the other accounts ({@code 1001} onward) and every open item are generated here. IDs are derived from
 * the seed and the row number, so a seed always gives the same keys. The shapes follow the generator's: a few
 * payment conditions, about 2% of accounts without email, about 5% credit notes, part-paid items with their last
 * payment date, log-normal invoice amounts, due dates from not yet due to far overdue, invoice numbers
 * {@code yyyyNNNNNN} (a year of a million items has room) in date order per year. Contacts and journal lines are left out: the bulk store is for
 * accounts and receivables.
 */
final class BulkSeed {

    private BulkSeed() {
    }

    private static final String ACCOUNTS = """
            INSERT INTO exs_account (id, division, code, name, email, phone, language, country, city, postcode,
                                     address_line1, blocked, credit_line_sales, payment_condition_sales, status,
                                     is_sales, profile, created, modified)
            SELECT md5(s.seed || '/account/' || i)::uuid, s.division, (1000 + i)::text,
                   CASE i % 4 WHEN 0 THEN 'Handelsonderneming ' WHEN 1 THEN 'Installatiebedrijf '
                        WHEN 2 THEN 'Groothandel ' ELSE 'Bouwbedrijf ' END || (1000 + i) || ' B.V.',
                   CASE WHEN i % 50 = 0 THEN NULL ELSE 'debiteuren@debiteur-' || (1000 + i) || '.example' END,
                   '+31 20 ' || lpad(((i * 7919) % 10000000)::text, 7, '0'),
                   CASE WHEN i % 10 = 9 THEN 'EN' WHEN i % 20 = 4 THEN 'DE' ELSE 'NL' END,
                   CASE WHEN i % 20 = 4 THEN 'DE' WHEN i % 10 = 7 THEN 'BE' ELSE 'NL' END,
                   'Amsterdam', '1011 ' || chr(65 + i % 26) || chr(65 + (i / 26) % 26), 'Damrak ' || (1 + i % 180),
                   i % 37 = 0, 2500 + 500 * (i % 40), (CASE WHEN i % 10 < 7 THEN 30 WHEN i % 10 < 9 THEN 14 ELSE 60 END)::text,
                   'C', true,
                   CASE WHEN i % 10 < 4 THEN 'GOOD' WHEN i % 10 < 7 THEN 'AVERAGE' WHEN i % 10 < 9 THEN 'LATE' ELSE 'VERY_LATE' END,
                   s.today - 200 - i % 2300 + interval '9 hours', s.today - 100 - i % 100 + interval '14 hours'
            FROM (SELECT CAST(? AS bigint) AS seed, CAST(? AS integer) AS division, CAST(? AS date) AS today) s,
                 generate_series(1, ?) i
            """;

    // Drafts first (account, age, kind, amount; never invoiced after today), then numbered per year in date order, as Exact numbers sales entries.
    private static final String TERMS = """
            INSERT INTO exs_payment_term (id, division, account_id, entry_id, invoice_number, entry_number, journal,
                                          invoice_date, due_date, currency, amount_dc, amount_fc, transaction_amount_dc,
                                          transaction_amount_fc, transaction_type, status, payment_condition, payment_days,
                                          description, your_ref, last_payment_date, created, modified)
            WITH s AS (SELECT CAST(? AS bigint) AS seed, CAST(? AS integer) AS division, CAST(? AS date) AS today,
                              CAST(? AS integer) AS accounts),
            draft AS (
                SELECT i, k, credit, part, r_share, r_pay,
                       CASE WHEN k % 10 < 7 THEN 30 WHEN k % 10 < 9 THEN 14 ELSE 60 END AS days,
                       CASE WHEN credit THEN -round((40 + r_amount * 1500)::numeric, 2)
                            ELSE round(least(48000, greatest(24.95,
                                 exp(ln(650) + 1.05 * sqrt(-2 * ln(1 - r_amount)) * cos(2 * pi() * r_angle))))::numeric, 2)
                       END AS amount,
                       overdue
                FROM (SELECT i, 1 + floor(random() * s.accounts)::integer AS k, random() < 0.05 AS credit,
                             random() < 0.12 AS part, random() AS r_amount, random() AS r_angle, random() AS r_share,
                             random() AS r_pay, floor(power(random(), 2) * 240)::integer - 25 AS overdue
                      FROM s, generate_series(1, ?) i) d
            ),
            dated AS (
                SELECT d.*, s.today - d.days - greatest(d.overdue, 1 - d.days) AS invoice_date FROM draft d, s
            )
            SELECT md5(s.seed || '/term/' || t.i)::uuid, s.division, md5(s.seed || '/account/' || t.k)::uuid,
                   md5(s.seed || '/entry/' || t.i)::uuid, t.number, t.number, '70', t.invoice_date,
                   t.invoice_date + t.days, 'EUR', t.open, t.open, t.amount, t.amount,
                   CASE WHEN t.credit THEN 21 ELSE 20 END, 20, t.days::text, t.days,
                   CASE WHEN t.credit THEN 'Creditnota ' ELSE 'Factuur ' END || t.number, NULL, t.paid_on,
                   t.invoice_date + interval '8 hours', coalesce(t.paid_on, t.invoice_date) + interval '10 hours'
            FROM s, (SELECT dt.*,
                            extract(year FROM dt.invoice_date)::integer * 1000000
                                + row_number() OVER (PARTITION BY extract(year FROM dt.invoice_date)
                                                     ORDER BY dt.invoice_date, dt.i) AS number,
                            CASE WHEN dt.part AND NOT dt.credit THEN round(dt.amount * (0.2 + 0.6 * dt.r_share)::numeric, 2)
                                 ELSE dt.amount END AS open,
                            CASE WHEN dt.part AND NOT dt.credit
                                 THEN least((SELECT today FROM s), dt.invoice_date + 1
                                            + floor(dt.r_pay * least(120, greatest(1, (SELECT today FROM s) - dt.invoice_date)))::integer)
                            END AS paid_on
                     FROM dated dt) t
            """;

    /**
     * Adds {@code accounts} accounts and {@code openItems} open items to a division the generator already wrote
     * (with debtor 1000). Runs in the caller's transaction; the webhook triggers are switched off meanwhile,
     * because a store being seeded has no subscriptions to announce anything to.
     */
    static void fill(Connection c, long seed, int division, LocalDate today, int accounts, int openItems)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT setseed(" + ((seed % 1000) / 1000.0) + ")");
            st.execute("ALTER TABLE exs_account DISABLE TRIGGER exs_account_webhook");
            st.execute("ALTER TABLE exs_payment_term DISABLE TRIGGER exs_payment_term_webhook");
        }
        try (PreparedStatement ps = c.prepareStatement(ACCOUNTS)) {
            Jdbc.bind(ps, seed, division, today, accounts);
            ps.executeUpdate();
        }
        if (accounts > 0 && openItems > 0) {
            try (PreparedStatement ps = c.prepareStatement(TERMS)) {
                Jdbc.bind(ps, seed, division, today, accounts, openItems);
                ps.executeUpdate();
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE exs_account ENABLE TRIGGER exs_account_webhook");
            st.execute("ALTER TABLE exs_payment_term ENABLE TRIGGER exs_payment_term_webhook");
            st.execute("ANALYZE exs_account");
            st.execute("ANALYZE exs_payment_term");
        }
    }
}
