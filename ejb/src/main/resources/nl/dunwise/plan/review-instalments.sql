-- (No apostrophe in these comments: EclipseLink would read the parameters after it as inside a string.)
-- The review of the active payment plans of a division on one day, in one statement. What a plan has received is
-- the sum of the payments on its invoices from the day it was made (what was paid before is already out of
-- the open amounts it was made over). That sum pays the instalments oldest first: each gets what is left
-- after the ones before it, up to its amount. An instalment fully paid is PAID; unpaid and not yet due OPEN;
-- past its due date LATE for the grace days, then MISSED. A plan whose instalments are all paid, or whose
-- invoices are all closed (nothing left to pay), is COMPLETED; one with a MISSED instalment DEFAULTED, and
-- the planner chases what is left from then on. Each LATE instalment of a plan that goes on gets one
-- reminder (unique per instalment). Answers the plans that ended and how many rows changed.
WITH run AS (
    SELECT CAST(? AS integer) AS division, CAST(? AS date) AS today, CAST(? AS integer) AS grace_days,
           CAST(? AS timestamptz) AS reviewed_at
),
active AS (
    SELECT pp.id, pp.debtor_id, pp.payments_from
    FROM run JOIN payment_plan pp ON pp.division = run.division AND pp.status = 'ACTIVE'
),
received AS (
    SELECT a.id AS plan_id,
           coalesce((SELECT sum(pay.amount)
                     FROM payment_plan_invoice ppi JOIN payment pay ON pay.invoice_id = ppi.invoice_id
                     WHERE ppi.plan_id = a.id AND pay.paid_on >= a.payments_from), 0) AS amount,
           NOT EXISTS (SELECT 1 FROM payment_plan_invoice ppi JOIN invoice i ON i.id = ppi.invoice_id
                       WHERE ppi.plan_id = a.id AND i.closed_at IS NULL AND i.open_amount > 0) AS settled
    FROM active a
),
allocated AS (
    SELECT i.id, i.plan_id, i.due_date, i.amount, r.settled,
           least(i.amount, greatest(r.amount - (sum(i.amount) OVER earlier - i.amount), 0)) AS paid_amount
    FROM instalment i JOIN received r ON r.plan_id = i.plan_id
    WINDOW earlier AS (PARTITION BY i.plan_id ORDER BY i.sequence_number)
),
judged AS (
    SELECT al.*,
           CASE WHEN al.paid_amount >= al.amount THEN 'PAID'
                WHEN al.due_date >= run.today THEN 'OPEN'
                WHEN al.due_date + run.grace_days >= run.today THEN 'LATE'
                ELSE 'MISSED' END AS status
    FROM allocated al, run
),
outcome AS (
    SELECT plan_id,
           CASE WHEN bool_and(status = 'PAID') OR bool_and(settled) THEN 'COMPLETED'
                WHEN bool_or(status = 'MISSED') THEN 'DEFAULTED' END AS status
    FROM judged GROUP BY plan_id
),
instalments AS (
    UPDATE instalment i SET paid_amount = j.paid_amount, status = j.status
    FROM judged j
    WHERE i.id = j.id AND (i.paid_amount <> j.paid_amount OR i.status <> j.status)
    RETURNING i.id
),
ended AS (
    UPDATE payment_plan pp SET status = o.status, ended_at = run.reviewed_at
    FROM outcome o, run
    WHERE pp.id = o.plan_id AND o.status IS NOT NULL
    RETURNING pp.id, pp.status
),
reminded AS (
    INSERT INTO instalment_reminder (division, debtor_id, instalment_id, status, planned_at)
    SELECT run.division, a.debtor_id, j.id, 'PLANNED', run.reviewed_at
    FROM judged j JOIN active a ON a.id = j.plan_id JOIN outcome o ON o.plan_id = j.plan_id, run
    WHERE j.status = 'LATE' AND o.status IS NULL
    ON CONFLICT (instalment_id) DO NOTHING
    RETURNING id
)
SELECT id, status, (SELECT count(*) FROM instalments), (SELECT count(*) FROM reminded) FROM ended
UNION ALL
SELECT NULL, NULL, (SELECT count(*) FROM instalments), (SELECT count(*) FROM reminded)
