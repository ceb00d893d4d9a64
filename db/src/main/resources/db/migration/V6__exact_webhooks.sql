-- Webhooks from Exact Online. An event says only that a record of a topic changed (never its data); it is
-- stored as received and answered at once, and a timer later runs one incremental sync per division for
-- all events that have gathered. Exact delivers at least once and out of order: the unique key drops
-- repeats of the same event.
CREATE TABLE exact_webhook_event (
    id               bigserial PRIMARY KEY,
    division         integer     NOT NULL REFERENCES division (code),
    topic            varchar(40) NOT NULL,
    action           varchar(10) NOT NULL,
    exact_key        uuid        NOT NULL,
    event_created_on timestamptz NOT NULL,
    received_at      timestamptz NOT NULL,
    processed_at     timestamptz,
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text,
    UNIQUE (topic, exact_key, action, event_created_on)
);
CREATE INDEX exact_webhook_event_pending ON exact_webhook_event (division, id) WHERE processed_at IS NULL;

-- Dunwise's subscription per division and topic at Exact, or why subscribing failed (shown in the cockpit).
CREATE TABLE exact_webhook_subscription (
    division      integer     NOT NULL REFERENCES division (code),
    topic         varchar(40) NOT NULL,
    callback_url  text        NOT NULL,
    exact_id      uuid,
    status        varchar(20) NOT NULL CHECK (status IN ('SUBSCRIBED', 'FAILED')),
    last_error    text,
    attempted_at  timestamptz NOT NULL,
    subscribed_at timestamptz,
    PRIMARY KEY (division, topic)
);
