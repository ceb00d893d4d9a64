-- The write-back outbox gets what it needs to send and to be idempotent: the Exact account it is about,
-- the event it came from (unique per kind, so the same reminder never queues two notes), when it was last
-- tried and done, and what Exact called the record it created. Nothing wrote to exact_writeback before.
ALTER TABLE exact_writeback
    ADD COLUMN account_id      uuid         NOT NULL,
    ADD COLUMN source          varchar(80)  NOT NULL,
    ADD COLUMN last_attempt_at timestamptz,
    ADD COLUMN done_at         timestamptz,
    ADD COLUMN exact_id        uuid,
    ADD CONSTRAINT exact_writeback_kind CHECK (kind IN ('NOTE', 'HOLD', 'CREDIT_LINE')),
    ADD CONSTRAINT exact_writeback_once UNIQUE (kind, source);

-- The cockpit lists the latest failures.
CREATE INDEX exact_writeback_failed ON exact_writeback (last_attempt_at DESC) WHERE status = 'FAILED';
