-- The planning run of the dunning engine: every skip kept with its reason, approval of steps that need it,
-- and the payment-behaviour score that picks a debtor's scenario.

-- Why a debtor that had a step due was held back on a run date: one row per debtor, run date and reason,
-- so a second run on the same day adds nothing. The reason is a code of nl.dunwise.dunning.SkipReason,
-- rendered in the reader's language with detail_values as its arguments. step_id is empty when no
-- scenario applies, so no step can be named.
CREATE TABLE dunning_skip (
    id              bigserial PRIMARY KEY,
    division        integer      NOT NULL REFERENCES division (code),
    debtor_id       bigint       NOT NULL REFERENCES debtor (id),
    run_date        date         NOT NULL,
    step_id         bigint       REFERENCES step (id),
    reason          varchar(30)  NOT NULL,
    detail_values   text[]       NOT NULL DEFAULT '{}',
    created_at      timestamptz  NOT NULL,
    UNIQUE (debtor_id, run_date, reason)
);
CREATE INDEX dunning_skip_by_run ON dunning_skip (division, run_date);

-- A collector decides on a reminder whose step needs approval: approved ones go to PLANNED, rejected ones
-- stay REJECTED for good (the unique key of reminder keeps the step from being planned again).
ALTER TABLE reminder DROP CONSTRAINT reminder_status_check;
ALTER TABLE reminder ADD CONSTRAINT reminder_status_check
    CHECK (status IN ('PLANNED', 'AWAITING_APPROVAL', 'SENT', 'FAILED', 'SKIPPED', 'BOUNCED', 'REJECTED'));
ALTER TABLE reminder ADD COLUMN decided_by text;
ALTER TABLE reminder ADD COLUMN decided_at timestamptz;
ALTER TABLE reminder ADD COLUMN rejection_reason text;
CREATE INDEX reminder_awaiting_approval ON reminder (division, planned_at) WHERE status = 'AWAITING_APPROVAL';

-- The planning run looks up which reminders an open item was already in (pre-due notices only for items
-- not yet reminded; never back to an earlier step of the same cycle).
CREATE INDEX reminder_invoice_by_invoice ON reminder_invoice (invoice_id);

-- The payment-behaviour score and the figures it was computed from, so the reason for the scenario choice
-- can be shown in the reader's language. Empty until the first planning run scores the debtor.
ALTER TABLE debtor ADD COLUMN payment_score          smallint CHECK (payment_score BETWEEN 0 AND 100);
ALTER TABLE debtor ADD COLUMN score_paid_items       integer;
ALTER TABLE debtor ADD COLUMN score_avg_days_late    numeric(7, 1);
ALTER TABLE debtor ADD COLUMN score_on_time_share    numeric(5, 4);
ALTER TABLE debtor ADD COLUMN score_broken_promises  integer;
ALTER TABLE debtor ADD COLUMN score_disputes         integer;

-- The score reads a year of paid items per debtor.
CREATE INDEX invoice_closed_by_debtor ON invoice (debtor_id, closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX payment_by_invoice ON payment (invoice_id);
