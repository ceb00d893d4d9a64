-- Whether a debtor buys as a consumer: the law protects consumers more (the 14-day letter before any
-- collection costs, statutory instead of commercial interest). Exact Online has no such flag on an account,
-- so businesses are the default and a credit manager marks consumers.
ALTER TABLE debtor ADD COLUMN consumer boolean NOT NULL DEFAULT false;
