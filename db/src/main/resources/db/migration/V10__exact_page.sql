-- The Exact Online page: divisions a credit manager switches on and off, a circuit breaker around Exact
-- shared by every server of a cluster, the rate-limit headers of the last answer, and a running sync's progress.

-- Set the first time a division is managed; a division gets its default scenarios and templates then, once.
-- Every existing division got them when it was added (managed), so they count as managed since then.
ALTER TABLE division ADD COLUMN first_managed_at timestamptz;
UPDATE division SET first_managed_at = added_at;

-- The circuit breaker: failed rounds in a row (sync or write-back), since when, and when it is open
-- (next_try_at not null) the moment at which one round may try Exact again.
ALTER TABLE exact_connection
    ADD COLUMN failed_rounds      integer NOT NULL DEFAULT 0,
    ADD COLUMN failing_since      timestamptz,
    ADD COLUMN next_try_at        timestamptz,
    ADD COLUMN last_round_error   text,
    -- The rate-limit headers of the last answer Exact gave a round.
    ADD COLUMN rate_limit_seen_at timestamptz,
    ADD COLUMN daily_limit        bigint,
    ADD COLUMN daily_remaining    bigint,
    ADD COLUMN daily_reset_at     timestamptz,
    ADD COLUMN minutely_limit     bigint,
    ADD COLUMN minutely_remaining bigint,
    ADD COLUMN minutely_reset_at  timestamptz;

-- Rows stored by the current (or last) run of an entity's sync, for the progress shown while it runs.
ALTER TABLE sync_state ADD COLUMN rows_this_run bigint NOT NULL DEFAULT 0;
