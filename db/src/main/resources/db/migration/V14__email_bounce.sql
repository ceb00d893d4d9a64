-- Bounces of reminder emails, read from the bounce mailbox as delivery status notifications (RFC 3464), one
-- row per failed or delayed recipient of a report. The report's key (its Message-ID, else a hash of the mail)
-- with the recipient is unique, so a report read twice is recorded once.
CREATE TABLE email_bounce (
    id              bigserial PRIMARY KEY,
    division        integer      NOT NULL REFERENCES division (code),
    reminder_id     bigint       NOT NULL REFERENCES reminder (id),
    debtor_id       bigint       NOT NULL REFERENCES debtor (id),
    report_key      text         NOT NULL,
    recipient       text         NOT NULL,
    kind            varchar(4)   NOT NULL CHECK (kind IN ('HARD', 'SOFT')),
    status_code     varchar(16)  NOT NULL,
    diagnostic      text,
    received_at     timestamptz  NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    UNIQUE (report_key, recipient)
);
CREATE INDEX email_bounce_by_reminder ON email_bounce (reminder_id);

-- The address a hard bounce marked as dead, with that bounce. The planning run holds back email steps to it
-- (SkipReason EMAIL_BOUNCED) and the dispatcher skips planned ones, while the debtor's reminder address is
-- still this one: a new address synced from Exact lifts it by itself, a collector clears it for the same one.
ALTER TABLE debtor ADD COLUMN bouncing_email text;
ALTER TABLE debtor ADD COLUMN bouncing_email_bounce_id bigint REFERENCES email_bounce (id);
CREATE INDEX debtor_bouncing_email ON debtor (division) WHERE bouncing_email IS NOT NULL;

-- A report that lost the VERP address is matched on the Message-ID of the reminder it returns.
CREATE INDEX reminder_by_message_id ON reminder (message_id) WHERE message_id IS NOT NULL;
