package nl.dunwise.sandbox.exact.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import nl.dunwise.sandbox.exact.SandboxSettings;
import nl.dunwise.sandbox.exact.oauth.Passwords;
import nl.dunwise.sandbox.exact.seed.DemoData;
import nl.dunwise.sandbox.exact.seed.DemoDataGenerator;

/**
 * Creates the tables and seeds an empty store before the application takes requests (a failure here
 * fails the deployment, which is better than serving half a sandbox). Existing data is never touched:
 * to start afresh, drop the {@code exs_} tables or the database.
 */
@Startup
@Singleton
public class SchemaInstaller {

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());

    static final int STATUS_OPEN = 20;
    /** Exact's status of a term that is paid (or otherwise matched) in full. */
    static final int STATUS_PROCESSED = 50;
    /** Rows per JDBC batch: large seeds (benchmarks) would otherwise hold every row in one batch. */
    private static final int BATCH = 5000;

    @Resource(lookup = "jdbc/exactSandbox")
    DataSource dataSource;

    @Inject
    SandboxSettings settings;

    @Inject
    Clock clock;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void install() {
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + Schema.INSTALL_LOCK + ")");
                for (String sql : Schema.statements()) {
                    st.execute(sql);
                }
            }
            if (hasDivision(c)) {
                LOG.info("Exact sandbox: store already holds data; reusing it");
                int documents = DocumentSeeder.seed(c);
                LOG.info(() -> "Exact sandbox: " + documents + " sales invoices added to the existing store");
                return;
            }
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            if (settings.bulkSeed()) {
                long started = System.nanoTime();
                // Debtor 1000 and the demo user from the generator, the volume from set-based SQL.
                write(c, DemoDataGenerator.generate(new DemoDataGenerator.Settings(settings.seed(), 1, 0,
                        settings.division(), today)));
                BulkSeed.fill(c, settings.seed(), settings.division(), today, settings.debtors() - 1, settings.invoices());
                LOG.info(() -> "Exact sandbox: bulk-seeded division " + settings.division() + " with "
                        + settings.debtors() + " accounts and " + settings.invoices() + " open items in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms (seed " + settings.seed() + ")");
                return;
            }
            DemoDataGenerator.Settings s = new DemoDataGenerator.Settings(settings.seed(), settings.debtors(),
                    settings.invoices(), settings.division(), today);
            DemoData data = DemoDataGenerator.generate(s);
            write(c, data);
            DocumentSeeder.seed(c);
            LOG.info(() -> "Exact sandbox: seeded division " + data.division().code() + " with "
                    + data.accounts().size() + " accounts, " + data.terms().size() + " open items and "
                    + data.paidTerms().size() + " invoices paid in the past year (seed "
                    + s.seed() + ")");
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "Exact sandbox: cannot prepare the store in jdbc/exactSandbox", e);
            throw new IllegalStateException("Exact sandbox store not ready: " + e.getMessage(), e);
        }
    }

    private static boolean hasDivision(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM exs_division LIMIT 1")) {
            return rs.next();
        }
    }

    static void write(Connection c, DemoData data) throws SQLException {
        DemoData.Division d = data.division();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO exs_division (code, description, hid, currency, "
                + "country, status, seed, generated_on, created, modified) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            Jdbc.bind(ps, d.code(), d.description(), d.hid(), d.currency(), d.country(), d.status(), d.seed(),
                    d.generatedOn(), Jdbc.utc(d.created()), Jdbc.utc(d.created()));
            ps.executeUpdate();
        }
        DemoData.User u = data.user();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO exs_user (id, username, password_hash, full_name, "
                + "email, language_code, current_division) VALUES (?,?,?,?,?,?,?)")) {
            Jdbc.bind(ps, u.id(), u.username(), Passwords.hash(u.password()), u.fullName(), u.email(),
                    u.languageCode(), d.code());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO exs_account (id, division, code, name, email, "
                + "phone, language, country, city, postcode, address_line1, blocked, credit_line_sales, "
                + "payment_condition_sales, status, is_sales, profile, created, modified) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'C',true,?,?,?)")) {
            int pending = 0;
            for (DemoData.Account a : data.accounts()) {
                Jdbc.bind(ps, a.id(), d.code(), a.code(), a.name(), a.email(), a.phone(), a.language(), a.country(),
                        a.city(), a.postcode(), a.addressLine1(), a.blocked(), a.creditLineSales(),
                        a.paymentCondition(), a.profile().name(), Jdbc.utc(a.created()), Jdbc.utc(a.modified()));
                pending = batched(ps, pending);
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO exs_payment_term (id, division, account_id, "
                + "entry_id, invoice_number, entry_number, journal, invoice_date, due_date, currency, amount_dc, "
                + "amount_fc, transaction_amount_dc, transaction_amount_fc, transaction_type, status, "
                + "payment_condition, payment_days, description, your_ref, last_payment_date, created, modified) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int pending = 0;
            for (List<DemoData.Term> terms : List.of(data.terms(), data.paidTerms())) {
                for (DemoData.Term t : terms) {
                    Jdbc.bind(ps, t.id(), d.code(), t.accountId(), t.entryId(), t.invoiceNumber(), t.invoiceNumber(),
                            DemoDataGenerator.SALES_JOURNAL, t.invoiceDate(), t.dueDate(), d.currency(), t.openAmount(),
                            t.openAmount(), t.invoiceAmount(), t.invoiceAmount(),
                            t.creditNote() ? DemoDataGenerator.TYPE_SALES_CREDIT_NOTE : DemoDataGenerator.TYPE_SALES_ENTRY,
                            t.paid() ? STATUS_PROCESSED : STATUS_OPEN, t.paymentCondition(), t.paymentDays(),
                            t.description(), t.yourRef(), t.lastPaymentDate(), Jdbc.utc(t.created()), Jdbc.utc(t.modified()));
                    pending = batched(ps, pending);
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO exs_contact (id, division, account_id, first_name, "
                + "last_name, full_name, email, phone, is_main_contact, created, modified) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            int pending = 0;
            for (DemoData.Contact k : data.contacts()) {
                Jdbc.bind(ps, k.id(), d.code(), k.accountId(), k.firstName(), k.lastName(), k.fullName(), k.email(),
                        k.phone(), k.mainContact(), Jdbc.utc(k.created()), Jdbc.utc(k.created()));
                pending = batched(ps, pending);
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO exs_transaction_line (id, division, account_id, "
                + "entry_id, entry_number, journal_code, type, date, due_date, invoice_number, currency, amount_dc, "
                + "amount_fc, description, created, modified) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int pending = 0;
            for (DemoData.Line l : data.lines()) {
                Jdbc.bind(ps, l.id(), d.code(), l.accountId(), l.entryId(), l.entryNumber(), l.journalCode(), l.type(),
                        l.date(), l.dueDate(), l.invoiceNumber(), d.currency(), l.amount(), l.amount(), l.description(),
                        Jdbc.utc(l.created()), Jdbc.utc(l.created()));
                pending = batched(ps, pending);
            }
            ps.executeBatch();
        }
    }

    /** Adds the bound row to the batch and sends the batch once it is full; answers the rows now waiting. */
    private static int batched(PreparedStatement ps, int pending) throws SQLException {
        ps.addBatch();
        if (pending + 1 < BATCH) {
            return pending + 1;
        }
        ps.executeBatch();
        return 0;
    }
}
