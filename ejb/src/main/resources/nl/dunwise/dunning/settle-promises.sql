-- Settles the open promises to pay of a division on a run date, in one statement, before the debtors are
-- scored (a broken promise counts against the score: the trigger of V13 bumps the debtor's version).
-- KEPT, on any day, when the debtor paid what it promised:
--   with an amount: its payments booked from the day of the promise up to the promised date + grace reach it;
--   without one: every invoice that was open when it promised and falls due by the promised date was closed
--   by the promised date + grace (invoices under an open dispute are not part of it).
-- BROKEN once the promised date + grace has passed without that.
WITH run AS (
    SELECT CAST(? AS integer) AS division, CAST(? AS date) AS today, CAST(? AS integer) AS grace_days,
           CAST(? AS bigint) AS first_debtor, CAST(? AS bigint) AS last_debtor
),
open_promise AS (
    SELECT p.id, p.debtor_id, p.amount, p.made_at, CAST(p.made_at AS date) AS made_on,
           p.promised_date + run.grace_days AS last_day
    FROM promise_to_pay p, run
    WHERE p.division = run.division AND p.status = 'OPEN' AND p.debtor_id BETWEEN run.first_debtor AND run.last_debtor
),
outcome AS (
    SELECT op.id,
           CASE WHEN (op.amount IS NOT NULL AND
                      (SELECT coalesce(sum(pm.amount), 0) FROM payment pm
                       WHERE pm.debtor_id = op.debtor_id AND NOT pm.deleted_in_exact
                         AND pm.paid_on BETWEEN op.made_on AND least(op.last_day, run.today)) >= op.amount)
                  OR (op.amount IS NULL AND NOT EXISTS (
                       SELECT 1 FROM invoice i
                       WHERE i.debtor_id = op.debtor_id AND i.amount > 0
                         AND i.due_date <= op.last_day - run.grace_days
                         AND (i.closed_at IS NULL OR i.closed_at >= op.made_at)
                         AND NOT (i.closed_at IS NOT NULL AND CAST(i.closed_at AS date) <= op.last_day)
                         AND NOT EXISTS (SELECT 1 FROM dispute x WHERE x.invoice_id = i.id AND x.status = 'OPEN')))
                THEN 'KEPT'
                WHEN op.last_day < run.today THEN 'BROKEN'
           END AS status
    FROM open_promise op, run
)
UPDATE promise_to_pay p
SET status = o.status, settled_on = run.today
FROM outcome o, run
WHERE p.id = o.id AND o.status IS NOT NULL
