-- Dunwise core schema. Every business row belongs to an Exact Online division (column "division",
-- the numeric company code), because one installation can manage several companies.
-- Money is numeric(19,2) with an ISO currency beside it; instants are timestamptz, business dates date.

-- The OAuth2 connection to Exact Online. Tokens are stored encrypted (AES-GCM) by the application.
CREATE TABLE exact_connection (
    id                      bigserial PRIMARY KEY,
    country                 varchar(2)  NOT NULL,
    base_url                text        NOT NULL,
    status                  varchar(20) NOT NULL CHECK (status IN ('CONNECTED', 'REVOKED', 'DISCONNECTED')),
    exact_user_id           uuid,
    exact_user_name         text,
    exact_user_full_name    text,
    current_division        integer,
    access_token_enc        bytea,
    access_token_issued_at  timestamptz,
    access_token_expires_at timestamptz,
    refresh_token_enc       bytea,
    connected_by            text,
    connected_at            timestamptz,
    last_error              text,
    version                 bigint      NOT NULL DEFAULT 0
);

CREATE TABLE division (
    code            integer PRIMARY KEY,
    connection_id   bigint      NOT NULL REFERENCES exact_connection (id),
    description     text        NOT NULL,
    currency        varchar(3)  NOT NULL,
    country         varchar(2),
    managed         boolean     NOT NULL DEFAULT true,
    added_at        timestamptz NOT NULL DEFAULT now()
);

-- Where each incremental sync stands: the highest Exact Timestamp committed per entity.
CREATE TABLE sync_state (
    division        integer     NOT NULL REFERENCES division (code),
    entity          varchar(60) NOT NULL,
    last_timestamp  bigint      NOT NULL DEFAULT 1,
    rows_synced     bigint      NOT NULL DEFAULT 0,
    rows_skipped    bigint      NOT NULL DEFAULT 0,
    last_started_at timestamptz,
    last_success_at timestamptz,
    last_error      text,
    daily_calls_used  bigint,
    daily_call_limit  bigint,
    PRIMARY KEY (division, entity)
);

CREATE TABLE scenario (
    id              bigserial PRIMARY KEY,
    division        integer     NOT NULL REFERENCES division (code),
    code            varchar(40) NOT NULL,
    name            text        NOT NULL,
    description     text,
    is_default      boolean     NOT NULL DEFAULT false,
    active          boolean     NOT NULL DEFAULT true,
    UNIQUE (division, code)
);

CREATE TABLE step (
    id                      bigserial PRIMARY KEY,
    scenario_id             bigint      NOT NULL REFERENCES scenario (id),
    position                integer     NOT NULL,
    day_offset              integer     NOT NULL,
    channel                 varchar(20) NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'LETTER', 'CALL_TASK', 'AGENCY')),
    template_code           varchar(60) NOT NULL,
    needs_approval          boolean     NOT NULL DEFAULT false,
    adds_collection_costs   boolean     NOT NULL DEFAULT false,
    adds_interest           boolean     NOT NULL DEFAULT false,
    fourteen_day_letter     boolean     NOT NULL DEFAULT false,
    UNIQUE (scenario_id, position)
);

-- Message templates per channel and language; merge fields are written {{name}}.
CREATE TABLE message_template (
    id              bigserial PRIMARY KEY,
    division        integer     NOT NULL REFERENCES division (code),
    code            varchar(60) NOT NULL,
    channel         varchar(20) NOT NULL,
    language        varchar(2)  NOT NULL,
    subject         text        NOT NULL,
    body_html       text        NOT NULL,
    body_text       text        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text,
    UNIQUE (division, code, channel, language)
);

CREATE TABLE debtor (
    id                  bigserial PRIMARY KEY,
    division            integer      NOT NULL REFERENCES division (code),
    exact_id            uuid         NOT NULL,
    code                varchar(18)  NOT NULL,
    name                text         NOT NULL,
    email               text,
    phone               text,
    language            varchar(8),
    country             varchar(2),
    city                text,
    postcode            text,
    address_line1       text,
    exact_status        varchar(2),
    is_customer         boolean      NOT NULL DEFAULT true,
    blocked_in_exact    boolean      NOT NULL DEFAULT false,
    credit_line         numeric(19, 2),
    payment_condition   varchar(20),
    exact_timestamp     bigint       NOT NULL,
    scenario_id         bigint       REFERENCES scenario (id),
    scenario_pinned     boolean      NOT NULL DEFAULT false,
    dunning_blocked     boolean      NOT NULL DEFAULT false,
    postponed_until     date,
    on_hold             boolean      NOT NULL DEFAULT false,
    deleted_in_exact    boolean      NOT NULL DEFAULT false,
    synced_at           timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (division, exact_id)
);
CREATE INDEX debtor_division_code ON debtor (division, code);

-- An open item: an invoice or (negative) credit note, one row per Exact payment term.
CREATE TABLE invoice (
    id                  bigserial PRIMARY KEY,
    division            integer      NOT NULL REFERENCES division (code),
    exact_id            uuid         NOT NULL,
    debtor_id           bigint       NOT NULL REFERENCES debtor (id),
    invoice_number      varchar(30),
    entry_number        varchar(30),
    invoice_date        date,
    due_date            date         NOT NULL,
    amount              numeric(19, 2),
    open_amount         numeric(19, 2) NOT NULL,
    currency            varchar(3)   NOT NULL,
    exact_status        smallint     NOT NULL,
    description         text,
    exact_timestamp     bigint       NOT NULL,
    closed_at           timestamptz,
    synced_at           timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (division, exact_id)
);
CREATE INDEX invoice_open_by_debtor ON invoice (debtor_id, due_date) WHERE closed_at IS NULL;
CREATE INDEX invoice_open_by_due ON invoice (division, due_date) WHERE closed_at IS NULL;

CREATE TABLE payment (
    id                  bigserial PRIMARY KEY,
    division            integer      NOT NULL REFERENCES division (code),
    exact_id            uuid         NOT NULL,
    debtor_id           bigint       REFERENCES debtor (id),
    invoice_id          bigint       REFERENCES invoice (id),
    invoice_number      varchar(30),
    amount              numeric(19, 2) NOT NULL,
    currency            varchar(3)   NOT NULL,
    paid_on             date         NOT NULL,
    source              varchar(20)  NOT NULL DEFAULT 'EXACT',
    exact_timestamp     bigint,
    UNIQUE (division, exact_id)
);

CREATE TABLE dispute (
    id              bigserial PRIMARY KEY,
    division        integer      NOT NULL REFERENCES division (code),
    debtor_id       bigint       NOT NULL REFERENCES debtor (id),
    invoice_id      bigint       NOT NULL REFERENCES invoice (id),
    reason          varchar(20)  NOT NULL CHECK (reason IN ('PRICE', 'QUANTITY', 'NOT_RECEIVED', 'QUALITY', 'ALREADY_PAID', 'OTHER')),
    explanation     text,
    status          varchar(20)  NOT NULL CHECK (status IN ('OPEN', 'CREDITED', 'ADJUSTED', 'REJECTED')),
    owner           text,
    opened_by       text         NOT NULL,
    opened_at       timestamptz  NOT NULL,
    resolved_at     timestamptz,
    resolution_note text
);
CREATE INDEX dispute_open_by_invoice ON dispute (invoice_id) WHERE status = 'OPEN';

CREATE TABLE payment_plan (
    id              bigserial PRIMARY KEY,
    division        integer      NOT NULL REFERENCES division (code),
    debtor_id       bigint       NOT NULL REFERENCES debtor (id),
    status          varchar(20)  NOT NULL CHECK (status IN ('PROPOSED', 'ACTIVE', 'COMPLETED', 'DEFAULTED', 'REJECTED')),
    total_amount    numeric(19, 2) NOT NULL,
    currency        varchar(3)   NOT NULL,
    proposed_by     text         NOT NULL,
    proposed_at     timestamptz  NOT NULL,
    decided_by      text,
    decided_at      timestamptz
);
CREATE INDEX payment_plan_active ON payment_plan (debtor_id) WHERE status = 'ACTIVE';

CREATE TABLE payment_plan_invoice (
    plan_id         bigint NOT NULL REFERENCES payment_plan (id),
    invoice_id      bigint NOT NULL REFERENCES invoice (id),
    PRIMARY KEY (plan_id, invoice_id)
);

CREATE TABLE instalment (
    id              bigserial PRIMARY KEY,
    plan_id         bigint       NOT NULL REFERENCES payment_plan (id),
    sequence_number integer      NOT NULL,
    due_date        date         NOT NULL,
    amount          numeric(19, 2) NOT NULL,
    paid_amount     numeric(19, 2) NOT NULL DEFAULT 0,
    status          varchar(20)  NOT NULL CHECK (status IN ('OPEN', 'PAID', 'LATE', 'MISSED')),
    UNIQUE (plan_id, sequence_number)
);

CREATE TABLE promise_to_pay (
    id              bigserial PRIMARY KEY,
    division        integer      NOT NULL REFERENCES division (code),
    debtor_id       bigint       NOT NULL REFERENCES debtor (id),
    promised_date   date         NOT NULL,
    amount          numeric(19, 2),
    currency        varchar(3),
    status          varchar(20)  NOT NULL CHECK (status IN ('OPEN', 'KEPT', 'BROKEN', 'CANCELLED')),
    made_by         text         NOT NULL,
    made_at         timestamptz  NOT NULL
);
CREATE INDEX promise_open ON promise_to_pay (debtor_id) WHERE status = 'OPEN';

-- One communication to a debtor (email, SMS, letter, call task, agency hand-over) at one step of its
-- scenario. The unique key makes planning idempotent: a debtor gets a step once per due cycle, the
-- cycle being the due date of the oldest overdue invoice that drove it.
CREATE TABLE reminder (
    id              bigserial PRIMARY KEY,
    division        integer      NOT NULL REFERENCES division (code),
    debtor_id       bigint       NOT NULL REFERENCES debtor (id),
    step_id         bigint       NOT NULL REFERENCES step (id),
    cycle_due_date  date         NOT NULL,
    channel         varchar(20)  NOT NULL,
    status          varchar(20)  NOT NULL CHECK (status IN ('PLANNED', 'AWAITING_APPROVAL', 'SENT', 'FAILED', 'SKIPPED', 'BOUNCED')),
    total_amount    numeric(19, 2) NOT NULL,
    currency        varchar(3)   NOT NULL,
    planned_at      timestamptz  NOT NULL,
    recipient       text,
    subject         text,
    body_html       text,
    body_text       text,
    message_id      text,
    sent_at         timestamptz,
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      text,
    skip_reason     text,
    UNIQUE (debtor_id, step_id, cycle_due_date)
);
CREATE INDEX reminder_to_dispatch ON reminder (planned_at) WHERE status = 'PLANNED';
CREATE INDEX reminder_by_debtor ON reminder (debtor_id, planned_at);

CREATE TABLE reminder_invoice (
    reminder_id     bigint NOT NULL REFERENCES reminder (id),
    invoice_id      bigint NOT NULL REFERENCES invoice (id),
    open_amount     numeric(19, 2) NOT NULL,
    days_overdue    integer NOT NULL,
    PRIMARY KEY (reminder_id, invoice_id)
);

-- Who did what, when and why; never updated or deleted.
CREATE TABLE audit_event (
    id              bigserial PRIMARY KEY,
    division        integer,
    occurred_at     timestamptz  NOT NULL,
    actor           text         NOT NULL,
    actor_kind      varchar(10)  NOT NULL CHECK (actor_kind IN ('STAFF', 'DEBTOR', 'SYSTEM')),
    action          varchar(60)  NOT NULL,
    subject_type    varchar(40),
    subject_id      text,
    details         text
);
CREATE INDEX audit_by_time ON audit_event (occurred_at);
CREATE INDEX audit_by_subject ON audit_event (subject_type, subject_id);

-- Write-backs to Exact Online (notes, holds, credit limits) waiting to be sent: an outbox, so none is lost.
CREATE TABLE exact_writeback (
    id              bigserial PRIMARY KEY,
    division        integer      NOT NULL REFERENCES division (code),
    kind            varchar(40)  NOT NULL,
    payload         text         NOT NULL,
    status          varchar(20)  NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      text,
    created_at      timestamptz  NOT NULL
);
CREATE INDEX exact_writeback_due ON exact_writeback (next_attempt_at) WHERE status = 'PENDING';
