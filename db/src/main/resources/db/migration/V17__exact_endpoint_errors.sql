-- Exact blocks an app on an endpoint for an hour after 10 errors (400, 401, 403, 404) there within an hour.
-- Every error Exact answers Dunwise is kept here, per division and endpoint, so that all servers count the same
-- errors and stop calling an endpoint before Exact would block it. A row with blocked = true records that Exact
-- answered that the endpoint is blocked already. Rows older than a day are deleted as new ones come.
CREATE TABLE exact_endpoint_error (
    id          bigserial   PRIMARY KEY,
    division    integer     NOT NULL,
    endpoint    text        NOT NULL,
    status      integer     NOT NULL,
    message     text,
    blocked     boolean     NOT NULL DEFAULT false,
    occurred_at timestamptz NOT NULL
);

CREATE INDEX exact_endpoint_error_recent ON exact_endpoint_error (division, endpoint, occurred_at);
