-- The hand-over to a collection agency: every approved AGENCY reminder of a division goes into one file per
-- run (JSON Lines, format in docs/channels.md), kept here as it was sent. No per-day sequence number: two
-- runs at the same time each take other reminders, and a sequence would make the second wait for the first.
CREATE TABLE agency_handover (
    id              bigserial PRIMARY KEY,
    division        integer      NOT NULL REFERENCES division (code),
    handover_date   date         NOT NULL,
    format_version  integer      NOT NULL,
    reminder_count  integer      NOT NULL,
    content         bytea        NOT NULL,
    created_at      timestamptz  NOT NULL
);
CREATE INDEX agency_handover_by_division ON agency_handover (division, handover_date);
ALTER TABLE reminder ADD COLUMN agency_handover_id bigint REFERENCES agency_handover (id);

-- A debtor handed over is the agency's to chase: the planning run holds it back (SkipReason HANDED_OVER)
-- until the agency's answer says otherwise. Kept apart from dunning_blocked, a collector's own switch.
ALTER TABLE debtor ADD COLUMN handed_over_on date;
ALTER TABLE debtor ADD COLUMN agency_handover_id bigint REFERENCES agency_handover (id);
