-- Payment plans as nl.dunwise.plan runs them. A plan remembers why it waits for a collector (the policy rules
-- it breaks), why a collector rejected it, when it ended (completed or defaulted) and from which day payments
-- on its invoices count towards its instalments (what was paid before is already out of the open amounts the
-- plan was made over).
ALTER TABLE payment_plan ADD COLUMN review_reasons text NOT NULL DEFAULT '';
ALTER TABLE payment_plan ADD COLUMN rejection_reason text;
ALTER TABLE payment_plan ADD COLUMN ended_at timestamptz;
ALTER TABLE payment_plan ADD COLUMN payments_from date;
UPDATE payment_plan SET payments_from = CAST(proposed_at AS date);
-- Rows written by hand (tests, scripts) count payments from the day they are written.
ALTER TABLE payment_plan ALTER COLUMN payments_from SET DEFAULT CURRENT_DATE;
ALTER TABLE payment_plan ALTER COLUMN payments_from SET NOT NULL;
ALTER TABLE payment_plan ADD CONSTRAINT payment_plan_rejected_with_reason
    CHECK (status <> 'REJECTED' OR rejection_reason IS NOT NULL);
CREATE INDEX payment_plan_by_status ON payment_plan (division, status);

-- What each invoice had open when the plan was made: the plan's total is their sum.
ALTER TABLE payment_plan_invoice ADD COLUMN open_amount numeric(19, 2);
CREATE INDEX payment_plan_invoice_by_invoice ON payment_plan_invoice (invoice_id);

ALTER TABLE instalment ADD CONSTRAINT instalment_amount_positive CHECK (amount > 0);

-- One reminder per late instalment, ever: the unique key makes the daily review and a review after each
-- sync plan it once, and the dispatcher claims each row under a lock, as it does reminders.
CREATE TABLE instalment_reminder (
    id              bigserial PRIMARY KEY,
    division        integer      NOT NULL REFERENCES division (code),
    debtor_id       bigint       NOT NULL REFERENCES debtor (id),
    instalment_id   bigint       NOT NULL UNIQUE REFERENCES instalment (id),
    status          varchar(10)  NOT NULL CHECK (status IN ('PLANNED', 'SENT', 'SKIPPED', 'FAILED')),
    planned_at      timestamptz  NOT NULL,
    sent_at         timestamptz,
    recipient       text,
    subject         text,
    body            text,
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      text
);
CREATE INDEX instalment_reminder_to_send ON instalment_reminder (planned_at, id) WHERE status = 'PLANNED';
