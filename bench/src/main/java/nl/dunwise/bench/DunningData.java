package nl.dunwise.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * The installation the dunning benchmark plans over, generated set-based in PostgreSQL from a fixed seed:
 * one division, the three default scenarios, debtors spread over them, and open items at every age
 * (not yet due up to a year overdue, part-paid, credit notes), with the pause rules present in the
 * proportions a real ledger shows (disputes, promises, payment plans, blocked and postponed debtors).
 */
final class DunningData {

    static final int DIVISION = 4000001;

    /** Paid items get ids above this, so that open and paid ones never collide. */
    private static final int PAID_ID_OFFSET = 100_000_000;

    private DunningData() {
    }

    static void generate(Connection c, int debtors, int invoices, LocalDate today) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT setseed(0.42)");
            st.execute("INSERT INTO exact_connection (id, country, base_url, status) VALUES (1, 'nl', 'http://bench', 'CONNECTED')");
            st.execute("INSERT INTO division (code, connection_id, description, currency) VALUES (" + DIVISION
                    + ", 1, 'Bench BV', 'EUR')");
            st.execute("""
                    INSERT INTO scenario (id, division, code, name, is_default) VALUES
                      (1, %1$d, 'friendly', 'Friendly', false), (2, %1$d, 'standard', 'Standard', true),
                      (3, %1$d, 'strict', 'Strict', false)
                    """.formatted(DIVISION));
            st.execute("""
                    INSERT INTO step (scenario_id, position, day_offset, channel, template_code, needs_approval,
                                      adds_collection_costs, fourteen_day_letter) VALUES
                      (1, 1, -3, 'EMAIL', 'pre-due-notice', false, false, false),
                      (1, 2, 14, 'EMAIL', 'first-reminder', false, false, false),
                      (1, 3, 30, 'EMAIL', 'second-reminder', false, false, false),
                      (1, 4, 45, 'EMAIL', 'final-notice', false, true, true),
                      (1, 5, 60, 'CALL_TASK', 'call-task', false, false, false),
                      (1, 6, 90, 'AGENCY', 'agency-handover', true, false, false),
                      (2, 1, -3, 'EMAIL', 'pre-due-notice', false, false, false),
                      (2, 2, 7, 'EMAIL', 'first-reminder', false, false, false),
                      (2, 3, 21, 'EMAIL', 'second-reminder', false, false, false),
                      (2, 4, 35, 'EMAIL', 'final-notice', false, true, true),
                      (2, 5, 49, 'CALL_TASK', 'call-task', false, false, false),
                      (2, 6, 63, 'AGENCY', 'agency-handover', true, false, false),
                      (3, 1, 1, 'EMAIL', 'first-reminder', false, false, false),
                      (3, 2, 10, 'EMAIL', 'second-reminder', false, false, false),
                      (3, 3, 20, 'EMAIL', 'final-notice', false, true, true),
                      (3, 4, 30, 'CALL_TASK', 'call-task', false, false, false),
                      (3, 5, 40, 'AGENCY', 'agency-handover', true, false, false)
                    """);
            // A fifth of the debtors carry an explicit scenario, 1% are blocked and 1% postponed.
            st.execute("""
                    INSERT INTO debtor (id, division, exact_id, code, name, email, language, country, exact_timestamp,
                                        scenario_id, dunning_blocked, postponed_until)
                    SELECT g, %d, md5('debtor' || g)::uuid, lpad(g::text, 18), 'Debtor ' || g,
                           CASE WHEN g %% 20 = 0 THEN NULL ELSE 'ap' || g || '@example.com' END,
                           CASE WHEN g %% 3 = 0 THEN 'en' ELSE 'nl' END, 'NL', g,
                           CASE g %% 10 WHEN 0 THEN 1 WHEN 1 THEN 3 ELSE NULL END,
                           g %% 100 = 7, CASE WHEN g %% 100 = 8 THEN '%s'::date + 10 END
                    FROM generate_series(1, %d) g
                    """.formatted(DIVISION, today, debtors));
            // Due dates from a year overdue to 30 days ahead; 3% credit notes; a tenth part-paid.
            st.execute("""
                    INSERT INTO invoice (id, division, exact_id, debtor_id, invoice_number, invoice_date, due_date,
                                         amount, open_amount, currency, exact_status, exact_timestamp)
                    SELECT g, %1$d, md5('invoice' || g)::uuid, 1 + (hashint %% %3$d), 'INV' || g,
                           due - 30, due, amount,
                           CASE WHEN g %% 10 = 0 THEN round(amount / 2, 2) ELSE amount END, 'EUR', 20, g
                    FROM (SELECT g, abs(hashtext(g::text)) AS hashint,
                                 '%2$s'::date + 30 - (random() * 395)::int AS due,
                                 CASE WHEN g %% 33 = 0 THEN -round((10 + random() * 500)::numeric, 2)
                                      ELSE round((10 + random() * 4990)::numeric, 2) END AS amount
                          FROM generate_series(1, %4$d) g) x
                    """.formatted(DIVISION, today, debtors, invoices));
            // A year of paid history for the payment-behaviour score: as many paid items as open ones, each
            // with its payment; a debtor's lateness follows its profile (id mod 5: early, on time, late, very late).
            st.execute("""
                    INSERT INTO invoice (id, division, exact_id, debtor_id, invoice_number, invoice_date, due_date,
                                         amount, open_amount, currency, exact_status, exact_timestamp, closed_at)
                    SELECT %5$d + g, %1$d, md5('paid' || g)::uuid, debtor, 'PAID' || g, due - 30, due, amount, 0, 'EUR', 50,
                           %5$d + g, (due + lateness)::timestamptz
                    FROM (SELECT g, 1 + (abs(hashtext('p' || g)) %% %3$d) AS debtor,
                                 '%2$s'::date - 20 - (random() * 345)::int AS due,
                                 round((10 + random() * 4990)::numeric, 2) AS amount,
                                 CASE (1 + (abs(hashtext('p' || g)) %% %3$d)) %% 5 WHEN 0 THEN -(random() * 5)::int
                                      WHEN 3 THEN (random() * 40)::int WHEN 4 THEN 20 + (random() * 60)::int
                                      ELSE (random() * 8)::int END AS lateness
                          FROM generate_series(1, %4$d) g) x
                    """.formatted(DIVISION, today, debtors, invoices, PAID_ID_OFFSET));
            st.execute("""
                    INSERT INTO payment (division, exact_id, debtor_id, invoice_id, invoice_number, amount, currency, paid_on)
                    SELECT division, md5('payment' || id)::uuid, debtor_id, id, invoice_number, amount, 'EUR', closed_at::date
                    FROM invoice WHERE id > %d
                    """.formatted(PAID_ID_OFFSET));
            st.execute("""
                    INSERT INTO dispute (division, debtor_id, invoice_id, reason, status, opened_by, opened_at)
                    SELECT division, debtor_id, id, 'QUALITY', 'OPEN', 'bench', now()
                    FROM invoice WHERE id % 100 = 1 AND closed_at IS NULL
                    """);
            st.execute("""
                    INSERT INTO promise_to_pay (division, debtor_id, promised_date, status, made_by, made_at)
                    SELECT %d, id, '%s'::date + 5, 'OPEN', 'bench', now() FROM debtor WHERE id %% 100 = 2
                    """.formatted(DIVISION, today));
            st.execute("""
                    INSERT INTO payment_plan (id, division, debtor_id, status, total_amount, currency, proposed_by, proposed_at)
                    SELECT id, %d, id, 'ACTIVE', 1000, 'EUR', 'bench', now() FROM debtor WHERE id %% 200 = 3
                    """.formatted(DIVISION));
            st.execute("""
                    INSERT INTO payment_plan_invoice (plan_id, invoice_id)
                    SELECT p.id, i.id FROM payment_plan p JOIN invoice i ON i.debtor_id = p.debtor_id
                    WHERE i.closed_at IS NULL
                    """);
            // what autovacuum does after a load of this size: statistics, and the visibility map that lets the
            // planning run read the open items from their index alone
            st.execute("VACUUM ANALYZE");
        }
    }
}
