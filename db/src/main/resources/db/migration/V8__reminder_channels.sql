-- The channels beyond email: SMS, printed letters and call tasks.

-- The numbers an SMS reminder may go to, best first: the main contact's mobile, the account's phone, the
-- main contact's phone (the newest main contact when Exact has several flagged). The dispatcher takes the
-- first that is a mobile number once written in E.164 form; the account's country places national numbers.
CREATE VIEW debtor_sms_number AS
SELECT d.id AS debtor_id, d.country, mc.mobile AS contact_mobile, d.phone AS account_phone, mc.phone AS contact_phone
FROM debtor d
LEFT JOIN LATERAL (
    SELECT c.mobile, c.phone FROM contact c
    WHERE c.division = d.division AND c.account_exact_id = d.exact_id AND c.is_main_contact
      AND NOT c.deleted_in_exact AND (c.mobile IS NOT NULL OR c.phone IS NOT NULL)
    ORDER BY c.exact_timestamp DESC
    LIMIT 1
) mc ON true;

-- One print run of a division: every letter planned by then, one PDF to print, fold and post. Normally one
-- per division per day; a second one that day (sequence 2) only holds letters planned after the first.
CREATE TABLE letter_batch (
    id              bigserial PRIMARY KEY,
    division        integer      NOT NULL REFERENCES division (code),
    print_date      date         NOT NULL,
    sequence        integer      NOT NULL,
    letter_count    integer      NOT NULL,
    page_count      integer      NOT NULL,
    pdf             bytea        NOT NULL,
    created_at      timestamptz  NOT NULL,
    UNIQUE (division, print_date, sequence)
);
ALTER TABLE reminder ADD COLUMN letter_batch_id bigint REFERENCES letter_batch (id);

-- A call a collector should make instead of a message: one per CALL_TASK reminder, closed with an outcome.
CREATE TABLE call_task (
    id              bigserial PRIMARY KEY,
    division        integer      NOT NULL REFERENCES division (code),
    debtor_id       bigint       NOT NULL REFERENCES debtor (id),
    reminder_id     bigint       NOT NULL UNIQUE REFERENCES reminder (id),
    step_code       text         NOT NULL,
    total_amount    numeric(19, 2) NOT NULL,
    currency        varchar(3)   NOT NULL,
    due_date        date         NOT NULL,
    assigned_to     text,
    status          varchar(10)  NOT NULL CHECK (status IN ('OPEN', 'DONE')),
    outcome         text,
    closed_by       text,
    closed_at       timestamptz,
    created_at      timestamptz  NOT NULL,
    CHECK ((status = 'DONE') = (outcome IS NOT NULL))
);
CREATE INDEX call_task_open ON call_task (division, due_date) WHERE status = 'OPEN';

-- Each channel is claimed by a query of its own (WHERE status = 'PLANNED' AND channel = ?), so that an SMS
-- outage leaves email alone; this index serves each of them.
CREATE INDEX reminder_to_dispatch_by_channel ON reminder (channel, planned_at, id) WHERE status = 'PLANNED';
