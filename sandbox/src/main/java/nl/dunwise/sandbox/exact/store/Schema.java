package nl.dunwise.sandbox.exact.store;

import java.util.List;

/**
 * The sandbox's DDL, idempotent so that it runs on every start. Changing a table later means adding an
 * {@code ALTER TABLE .. ADD COLUMN IF NOT EXISTS} here, never editing a CREATE, because existing
 * databases keep their data.
 */
final class Schema {

    private Schema() {
    }

    /** Serialises the installers of concurrently starting instances, and writers of synced rows. */
    static final long INSTALL_LOCK = 0x4578_5342_0001L;
    static final long WRITE_LOCK = 0x4578_5342_0002L;

    private static final String[] ROW_TABLES = {"exs_division", "exs_account", "exs_contact", "exs_payment_term",
        "exs_transaction_line", "exs_deleted", "exs_sales_invoice", "exs_document", "exs_document_attachment"};

    static List<String> statements() {
        List<String> s = new java.util.ArrayList<>(List.of(
            // Start above 2^31 so that a client storing Timestamp in a 32-bit int breaks at once, not in production.
            "CREATE SEQUENCE IF NOT EXISTS exs_rowversion START WITH 3000000001",
            """
            CREATE TABLE IF NOT EXISTS exs_division (
                code            integer PRIMARY KEY,
                description     varchar(120) NOT NULL,
                hid             bigint NOT NULL,
                currency        varchar(3) NOT NULL,
                country         varchar(2) NOT NULL,
                status          integer NOT NULL,
                seed            bigint NOT NULL,
                generated_on    date NOT NULL,
                created         timestamptz NOT NULL,
                modified        timestamptz NOT NULL,
                row_version     bigint NOT NULL DEFAULT nextval('exs_rowversion'))""",
            """
            CREATE TABLE IF NOT EXISTS exs_user (
                id               uuid PRIMARY KEY,
                username         varchar(200) NOT NULL UNIQUE,
                password_hash    varchar(200) NOT NULL,
                full_name        varchar(200) NOT NULL,
                email            varchar(200),
                language_code    varchar(10) NOT NULL,
                current_division integer NOT NULL REFERENCES exs_division (code))""",
            """
            CREATE TABLE IF NOT EXISTS exs_account (
                id                      uuid PRIMARY KEY,
                division                integer NOT NULL REFERENCES exs_division (code),
                code                    varchar(18) NOT NULL,
                name                    varchar(200) NOT NULL,
                email                   varchar(200),
                phone                   varchar(40),
                language                varchar(4),
                country                 varchar(2),
                city                    varchar(100),
                postcode                varchar(20),
                address_line1           varchar(200),
                blocked                 boolean NOT NULL DEFAULT false,
                credit_line_sales       numeric(18,2),
                payment_condition_sales varchar(8),
                status                  varchar(2) NOT NULL DEFAULT 'C',
                is_sales                boolean NOT NULL DEFAULT true,
                profile                 varchar(16),
                created                 timestamptz NOT NULL,
                modified                timestamptz NOT NULL,
                row_version             bigint NOT NULL DEFAULT nextval('exs_rowversion'),
                UNIQUE (division, code))""",
            "CREATE INDEX IF NOT EXISTS exs_account_sync ON exs_account (division, row_version)",
            """
            CREATE TABLE IF NOT EXISTS exs_payment_term (
                id                     uuid PRIMARY KEY,
                division               integer NOT NULL REFERENCES exs_division (code),
                account_id             uuid NOT NULL REFERENCES exs_account (id),
                entry_id               uuid NOT NULL,
                invoice_number         integer NOT NULL,
                entry_number           integer NOT NULL,
                journal                varchar(8) NOT NULL,
                invoice_date           date NOT NULL,
                due_date               date NOT NULL,
                currency               varchar(3) NOT NULL,
                amount_dc              numeric(18,2) NOT NULL,
                amount_fc              numeric(18,2) NOT NULL,
                transaction_amount_dc  numeric(18,2) NOT NULL,
                transaction_amount_fc  numeric(18,2) NOT NULL,
                transaction_type       integer NOT NULL,
                status                 smallint NOT NULL,
                payment_condition      varchar(8),
                payment_days           integer,
                description            varchar(200),
                your_ref               varchar(60),
                last_payment_date      date,
                created                timestamptz NOT NULL,
                modified               timestamptz NOT NULL,
                row_version            bigint NOT NULL DEFAULT nextval('exs_rowversion'))""",
            "CREATE INDEX IF NOT EXISTS exs_payment_term_sync ON exs_payment_term (division, row_version)",
            "CREATE INDEX IF NOT EXISTS exs_payment_term_account ON exs_payment_term (account_id)",
            """
            CREATE TABLE IF NOT EXISTS exs_contact (
                id              uuid PRIMARY KEY,
                division        integer NOT NULL REFERENCES exs_division (code),
                account_id      uuid NOT NULL REFERENCES exs_account (id),
                first_name      varchar(100),
                last_name       varchar(100),
                full_name       varchar(200) NOT NULL,
                email           varchar(200),
                phone           varchar(40),
                mobile          varchar(40),
                is_main_contact boolean NOT NULL DEFAULT false,
                created         timestamptz NOT NULL,
                modified        timestamptz NOT NULL,
                row_version     bigint NOT NULL DEFAULT nextval('exs_rowversion'))""",
            "CREATE INDEX IF NOT EXISTS exs_contact_sync ON exs_contact (division, row_version)",
            "CREATE INDEX IF NOT EXISTS exs_contact_account ON exs_contact (account_id)",
            """
            CREATE TABLE IF NOT EXISTS exs_transaction_line (
                id              uuid PRIMARY KEY,
                division        integer NOT NULL REFERENCES exs_division (code),
                account_id      uuid NOT NULL REFERENCES exs_account (id),
                entry_id        uuid NOT NULL,
                entry_number    integer NOT NULL,
                journal_code    varchar(8) NOT NULL,
                type            integer NOT NULL,
                date            date NOT NULL,
                due_date        date,
                invoice_number  integer,
                currency        varchar(3) NOT NULL,
                amount_dc       numeric(18,2) NOT NULL,
                amount_fc       numeric(18,2) NOT NULL,
                description     varchar(200),
                created         timestamptz NOT NULL,
                modified        timestamptz NOT NULL,
                row_version     bigint NOT NULL DEFAULT nextval('exs_rowversion'))""",
            "CREATE INDEX IF NOT EXISTS exs_transaction_line_sync ON exs_transaction_line (division, row_version)",
            "CREATE INDEX IF NOT EXISTS exs_transaction_line_entry ON exs_transaction_line (entry_id)",
            """
            CREATE TABLE IF NOT EXISTS exs_deleted (
                id           uuid PRIMARY KEY,
                division     integer NOT NULL REFERENCES exs_division (code),
                entity_key   uuid NOT NULL,
                entity_type  integer NOT NULL,
                deleted_by   uuid,
                deleted_date timestamptz NOT NULL,
                full_name    varchar(200),
                row_version  bigint NOT NULL DEFAULT nextval('exs_rowversion'))""",
            "CREATE INDEX IF NOT EXISTS exs_deleted_sync ON exs_deleted (division, row_version)",
            // Sales invoices, one row per invoice line as Exact's sync endpoint serves them (the sandbox's
            // invoices have one line each), made from the payment terms by DocumentSeeder. No foreign keys to
            // terms or accounts: deleting those (control endpoints) leaves the printed invoice, as at Exact.
            """
            CREATE TABLE IF NOT EXISTS exs_sales_invoice (
                id               uuid PRIMARY KEY,
                invoice_id       uuid NOT NULL,
                division         integer NOT NULL REFERENCES exs_division (code),
                payment_term_id  uuid NOT NULL UNIQUE,
                account_id       uuid NOT NULL,
                invoice_number   integer NOT NULL,
                line_number      integer NOT NULL,
                type             integer NOT NULL,
                status           smallint NOT NULL,
                journal          varchar(8) NOT NULL,
                invoice_date     date NOT NULL,
                due_date         date NOT NULL,
                order_date       date,
                currency         varchar(3) NOT NULL,
                amount_dc        numeric(18,2) NOT NULL,
                description      varchar(200),
                your_ref         varchar(60),
                document_id      uuid,
                created          timestamptz NOT NULL,
                modified         timestamptz NOT NULL,
                row_version      bigint NOT NULL DEFAULT nextval('exs_rowversion'))""",
            "CREATE INDEX IF NOT EXISTS exs_sales_invoice_sync ON exs_sales_invoice (division, row_version)",
            // Documents (type 10: sales invoice) and their attachments: the printed invoice's PDF, whose
            // content is rendered on request from the sales invoice (InvoicePdf), not stored.
            """
            CREATE TABLE IF NOT EXISTS exs_document (
                id                    uuid PRIMARY KEY,
                division              integer NOT NULL REFERENCES exs_division (code),
                account_id            uuid NOT NULL,
                type                  integer NOT NULL,
                subject               varchar(200) NOT NULL,
                document_date         date NOT NULL,
                sales_invoice_number  integer,
                entry_id              uuid,
                created               timestamptz NOT NULL,
                modified              timestamptz NOT NULL,
                row_version           bigint NOT NULL DEFAULT nextval('exs_rowversion'))""",
            "CREATE INDEX IF NOT EXISTS exs_document_sync ON exs_document (division, row_version)",
            """
            CREATE TABLE IF NOT EXISTS exs_document_attachment (
                id           uuid PRIMARY KEY,
                division     integer NOT NULL REFERENCES exs_division (code),
                document_id  uuid NOT NULL REFERENCES exs_document (id),
                file_name    varchar(200) NOT NULL,
                file_size    bigint NOT NULL,
                created      timestamptz NOT NULL,
                modified     timestamptz NOT NULL,
                row_version  bigint NOT NULL DEFAULT nextval('exs_rowversion'))""",
            "CREATE INDEX IF NOT EXISTS exs_document_attachment_sync ON exs_document_attachment (division, row_version)",
            """
            CREATE TABLE IF NOT EXISTS exs_oauth_code (
                code_hash    varchar(64) PRIMARY KEY,
                client_id    varchar(200) NOT NULL,
                redirect_uri text NOT NULL,
                user_id      uuid NOT NULL REFERENCES exs_user (id),
                issued_at    timestamptz NOT NULL,
                used_at      timestamptz)""",
            """
            CREATE TABLE IF NOT EXISTS exs_oauth_grant (
                id                    uuid PRIMARY KEY,
                client_id             varchar(200) NOT NULL,
                user_id               uuid NOT NULL REFERENCES exs_user (id),
                created_at            timestamptz NOT NULL,
                last_access_issued_at timestamptz NOT NULL,
                revoked_at            timestamptz)""",
            """
            CREATE TABLE IF NOT EXISTS exs_refresh_token (
                token_hash varchar(64) PRIMARY KEY,
                grant_id   uuid NOT NULL REFERENCES exs_oauth_grant (id),
                issued_at  timestamptz NOT NULL,
                used_at    timestamptz)""",
            "CREATE INDEX IF NOT EXISTS exs_refresh_token_grant ON exs_refresh_token (grant_id)",
            """
            CREATE TABLE IF NOT EXISTS exs_access_token (
                token_hash varchar(64) PRIMARY KEY,
                grant_id   uuid NOT NULL REFERENCES exs_oauth_grant (id),
                issued_at  timestamptz NOT NULL,
                expires_at timestamptz NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS exs_access_token_expiry ON exs_access_token (expires_at)",
            // Notes written back by clients; row_version only orders the pages of the ordinary endpoint.
            """
            CREATE TABLE IF NOT EXISTS exs_communication_note (
                id          uuid PRIMARY KEY,
                division    integer NOT NULL REFERENCES exs_division (code),
                account_id  uuid NOT NULL REFERENCES exs_account (id),
                contact_id  uuid,
                subject     varchar(200) NOT NULL,
                notes       text,
                creator     uuid NOT NULL,
                created     timestamptz NOT NULL,
                modified    timestamptz NOT NULL,
                row_version bigint NOT NULL DEFAULT nextval('exs_rowversion'))""",
            "CREATE INDEX IF NOT EXISTS exs_communication_note_page ON exs_communication_note (division, row_version)",
            // Webhook subscriptions of apps, and the deliveries waiting for (or done with) their callback.
            """
            CREATE TABLE IF NOT EXISTS exs_webhook_subscription (
                id           uuid PRIMARY KEY,
                division     integer NOT NULL REFERENCES exs_division (code),
                client_id    varchar(200) NOT NULL,
                topic        varchar(40) NOT NULL,
                callback_url text NOT NULL,
                exact_base   text NOT NULL,
                user_id      uuid NOT NULL REFERENCES exs_user (id),
                created      timestamptz NOT NULL,
                UNIQUE (division, client_id, topic, callback_url))""",
            """
            CREATE TABLE IF NOT EXISTS exs_webhook_delivery (
                id               bigserial PRIMARY KEY,
                subscription_id  uuid NOT NULL REFERENCES exs_webhook_subscription (id) ON DELETE CASCADE,
                action           varchar(10) NOT NULL,
                entity_key       uuid NOT NULL,
                endpoint_path    text NOT NULL,
                event_created_on timestamptz NOT NULL,
                attempts         integer NOT NULL DEFAULT 0,
                next_attempt_at  timestamptz NOT NULL,
                delivered_at     timestamptz,
                failed_at        timestamptz,
                last_error       text)""",
            "CREATE INDEX IF NOT EXISTS exs_webhook_delivery_due ON exs_webhook_delivery (next_attempt_at) "
                    + "WHERE delivered_at IS NULL AND failed_at IS NULL",
            // Every change of a subscribed entity, whoever makes it (seed, control endpoints, API writes, a
            // person in psql), becomes one delivery per matching subscription in the same transaction: a
            // change that commits is announced, one that rolls back is not. Arguments: topic, the endpoint
            // path of the record at Exact, and the column that is the webhook's Key.
            """
            CREATE OR REPLACE FUNCTION exs_webhook_capture() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                r jsonb;
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    r := to_jsonb(OLD);
                ELSE
                    r := to_jsonb(NEW);
                END IF;
                INSERT INTO exs_webhook_delivery (subscription_id, action, entity_key, endpoint_path,
                                                  event_created_on, next_attempt_at)
                SELECT s.id, CASE TG_OP WHEN 'INSERT' THEN 'Create' WHEN 'UPDATE' THEN 'Update' ELSE 'Delete' END,
                       (r ->> TG_ARGV[2])::uuid, TG_ARGV[1], clock_timestamp(), clock_timestamp()
                FROM exs_webhook_subscription s
                WHERE s.division = (r ->> 'division')::integer AND s.topic = TG_ARGV[0];
                RETURN NULL;
            END
            $$""",
            // Whoever changes a row later (mutators, tests, a person in psql) bumps its Timestamp too;
            // an UPDATE that changes nothing does not, as at Exact.
            """
            CREATE OR REPLACE FUNCTION exs_bump_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.row_version := nextval('exs_rowversion');
                RETURN NEW;
            END
            $$"""));
        for (String table : ROW_TABLES) {
            s.add("CREATE OR REPLACE TRIGGER " + table + "_row_version BEFORE UPDATE ON " + table
                    + " FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION exs_bump_row_version()");
        }
        for (String[] t : WEBHOOK_SOURCES) {
            String args = "('" + t[1] + "', '" + t[2] + "', '" + t[3] + "')";
            s.add("CREATE OR REPLACE TRIGGER " + t[0] + "_webhook AFTER INSERT OR DELETE ON " + t[0]
                    + " FOR EACH ROW EXECUTE FUNCTION exs_webhook_capture" + args);
            // Only an UPDATE that changed something (and so bumped row_version) is an event, as at Exact.
            s.add("CREATE OR REPLACE TRIGGER " + t[0] + "_webhook_update AFTER UPDATE ON " + t[0]
                    + " FOR EACH ROW WHEN (OLD.row_version IS DISTINCT FROM NEW.row_version)"
                    + " EXECUTE FUNCTION exs_webhook_capture" + args);
        }
        return s;
    }

    /**
     * Table, webhook topic, endpoint of the record and key column. A payment term is announced as its
     * financial transaction (entry), which is how Exact's FinancialTransactions topic identifies it. A sales
     * invoice line is announced as its invoice (InvoiceID, the key of salesinvoice/SalesInvoices), and an
     * attachment as its document: Exact has no topic for attachments, and a new PDF is a change of the document.
     */
    private static final String[][] WEBHOOK_SOURCES = {
        {"exs_account", "Accounts", "crm/Accounts", "id"},
        {"exs_payment_term", "FinancialTransactions", "financialtransaction/Transactions", "entry_id"},
        {"exs_transaction_line", "FinancialTransactions", "financialtransaction/Transactions", "entry_id"},
        {"exs_contact", "Contacts", "crm/Contacts", "id"},
        {"exs_sales_invoice", "SalesInvoices", "salesinvoice/SalesInvoices", "invoice_id"},
        {"exs_document", "Documents", "documents/Documents", "id"},
        {"exs_document_attachment", "Documents", "documents/Documents", "document_id"},
    };
}
