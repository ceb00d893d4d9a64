-- Contacts, payments and deletions from Exact Online's sync endpoints (CRM/Contacts,
-- Financial/TransactionLines, Deleted).

-- A person at a debtor (CRM/Contacts). Keyed by the Exact account, not by debtor_id, so that a contact
-- that arrives before its account (created in Exact between two passes of a sync) is kept and found
-- once the account is there.
CREATE TABLE contact (
    id                  bigserial PRIMARY KEY,
    division            integer      NOT NULL REFERENCES division (code),
    exact_id            uuid         NOT NULL,
    account_exact_id    uuid         NOT NULL,
    full_name           text,
    first_name          text,
    last_name           text,
    email               text,
    phone               text,
    mobile              text,
    is_main_contact     boolean      NOT NULL DEFAULT false,
    deleted_in_exact    boolean      NOT NULL DEFAULT false,
    exact_timestamp     bigint       NOT NULL,
    synced_at           timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (division, exact_id)
);
CREATE INDEX contact_by_account ON contact (division, account_exact_id) WHERE NOT deleted_in_exact;

-- The address a reminder goes to: the account's own email, else the email of its main contact (the
-- newest one when Exact has several flagged), else none. The dispatcher reads this instead of debtor.email.
CREATE VIEW debtor_reminder_address AS
SELECT d.id AS debtor_id,
       coalesce(d.email, mc.email) AS email,
       CASE WHEN d.email IS NOT NULL THEN 'ACCOUNT'
            WHEN mc.email IS NOT NULL THEN 'MAIN_CONTACT' END AS source
FROM debtor d
LEFT JOIN LATERAL (
    SELECT c.email FROM contact c
    WHERE c.division = d.division AND c.account_exact_id = d.exact_id AND c.is_main_contact
      AND NOT c.deleted_in_exact AND c.email IS NOT NULL
    ORDER BY c.exact_timestamp DESC
    LIMIT 1
) mc ON true;

-- Payments are cash/bank lines (Type 40) of Financial/TransactionLines. The account is kept so that a
-- payment seen before its invoice or debtor can be linked when they arrive.
ALTER TABLE payment ADD COLUMN account_exact_id uuid;
ALTER TABLE payment ADD COLUMN deleted_in_exact boolean NOT NULL DEFAULT false;
CREATE INDEX payment_unlinked ON payment (division, invoice_number) WHERE invoice_id IS NULL;
-- Replaces the index of V2: a reversed (deleted) payment no longer counts as paid.
DROP INDEX payment_by_invoice;
CREATE INDEX payment_by_invoice ON payment (invoice_id) WHERE NOT deleted_in_exact;
CREATE INDEX invoice_by_number ON invoice (division, invoice_number);

-- A term deleted in Exact is closed, never removed: reminders refer to it.
ALTER TABLE invoice ADD COLUMN deleted_in_exact boolean NOT NULL DEFAULT false;

-- Records a sync could not read are skipped and counted (rows_skipped); the last reason is kept for the cockpit.
ALTER TABLE sync_state ADD COLUMN last_skip_reason text;
