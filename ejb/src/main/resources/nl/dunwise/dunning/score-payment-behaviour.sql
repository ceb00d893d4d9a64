-- The payment behaviour of the debtors of a division over the 12 months before the run date, in one
-- statement, for the debtors whose figures may have changed since they were scored: their paid history
-- changed (payment_history_version, bumped by the triggers of V13), the window moved past one of its
-- inputs (score_changes_on), or they were scored for a later day or never. Everybody else keeps its figures.
-- It scores the debtors in a range of ids: the planning run scores each slice of debtors in the slice's own
-- transaction, just before it plans them (plan-reminders.sql).
--
-- Inputs per debtor: its invoices paid in the window (paid on the last payment linked to the invoice, else
-- on the day the item was closed), with days late = paid date - due date (0 when paid on time);
--   avg days late  = sum(days late x amount) / sum(amount)   (amount-weighted)
--   on-time share  = paid items with 0 days late / paid items
--   broken promises (promises to pay BROKEN, promised in the window) and disputes opened in the window.
-- Score (0-100), for debtors with at least one paid item:
--   50 x on-time share + 50 x max(0, 1 - avg days late / 30) - 10 x broken promises - 5 x disputes,
--   rounded and kept within 0..100: paying everything on time gives 100, a month late on average loses
--   the whole punctuality half.
-- score_changes_on is the first day the figures change without any new input: an input leaves the window
-- 12 months after its date, and one dated after the run date enters on its date.
WITH run AS (
    SELECT CAST(? AS integer) AS division, CAST(? AS date) AS today,
           CAST(? AS bigint) AS first_debtor, CAST(? AS bigint) AS last_debtor
),
window_start AS (
    SELECT CAST(run.today - interval '12 months' AS date) AS after FROM run
),
to_score AS (
    SELECT d.id, d.payment_history_version
    FROM debtor d, run
    WHERE d.division = run.division AND d.id BETWEEN run.first_debtor AND run.last_debtor
      AND (d.scored_version IS DISTINCT FROM d.payment_history_version OR d.scored_on IS NULL
           OR d.scored_on > run.today OR d.score_changes_on <= run.today)
),
-- Per debtor to score (a few a day, every one the first time), its items paid in the window, read through
-- its own index entries: the number of debtors to score is unknown when the statement is planned.
-- An item is closed when or after it is paid, so one closed before the window was paid before it.
history AS (
    SELECT t.id AS debtor_id, h.*
    FROM to_score t, run, window_start w,
    LATERAL (
        SELECT count(*) FILTER (WHERE pi.paid_on <= run.today) AS paid_items,
               round(sum(pi.days_late * pi.amount) FILTER (WHERE pi.paid_on <= run.today)
                     / sum(pi.amount) FILTER (WHERE pi.paid_on <= run.today), 1) AS avg_days_late,
               round(CAST(count(*) FILTER (WHERE pi.days_late = 0 AND pi.paid_on <= run.today) AS numeric)
                     / nullif(count(*) FILTER (WHERE pi.paid_on <= run.today), 0), 4) AS on_time_share,
               least(CAST(min(pi.paid_on) FILTER (WHERE pi.paid_on <= run.today) + interval '12 months' AS date),
                     min(pi.paid_on) FILTER (WHERE pi.paid_on > run.today)) AS changes_on
        FROM (SELECT i.amount, paid.on_day AS paid_on, greatest(paid.on_day - i.due_date, 0) AS days_late
              FROM invoice i,
              -- paid on the last payment linked to the invoice, else on the day it was closed
              LATERAL (SELECT coalesce(max(p.paid_on), CAST(i.closed_at AS date)) AS on_day
                       FROM payment p WHERE p.invoice_id = i.id AND NOT p.deleted_in_exact) paid
              WHERE i.debtor_id = t.id AND i.closed_at > run.today - interval '12 months' AND i.amount > 0
                AND paid.on_day > w.after) pi
    ) h
),
broken_promise AS (
    SELECT p.debtor_id, count(*) FILTER (WHERE p.promised_date <= run.today) AS n,
           least(CAST(min(p.promised_date) FILTER (WHERE p.promised_date <= run.today) + interval '12 months' AS date),
                 min(p.promised_date) FILTER (WHERE p.promised_date > run.today)) AS changes_on
    FROM promise_to_pay p JOIN to_score t ON t.id = p.debtor_id, run, window_start w
    WHERE p.division = run.division AND p.status = 'BROKEN' AND p.promised_date > w.after
    GROUP BY p.debtor_id
),
opened_dispute AS (
    SELECT x.debtor_id, count(*) FILTER (WHERE CAST(x.opened_at AS date) <= run.today) AS n,
           least(CAST(min(CAST(x.opened_at AS date)) FILTER (WHERE CAST(x.opened_at AS date) <= run.today)
                      + interval '12 months' AS date),
                 min(CAST(x.opened_at AS date)) FILTER (WHERE CAST(x.opened_at AS date) > run.today)) AS changes_on
    FROM dispute x JOIN to_score t ON t.id = x.debtor_id, run, window_start w
    WHERE x.division = run.division AND CAST(x.opened_at AS date) > w.after
    GROUP BY x.debtor_id
),
behaviour AS (
    SELECT t.id AS debtor_id, t.payment_history_version, coalesce(h.paid_items, 0) > 0 AS has_history,
           coalesce(h.paid_items, 0) AS paid_items, h.avg_days_late, h.on_time_share,
           coalesce(bp.n, 0) AS broken_promises, coalesce(od.n, 0) AS disputes,
           least(h.changes_on, bp.changes_on, od.changes_on) AS changes_on
    FROM to_score t
    JOIN history h ON h.debtor_id = t.id
    LEFT JOIN broken_promise bp ON bp.debtor_id = t.id
    LEFT JOIN opened_dispute od ON od.debtor_id = t.id
)
UPDATE debtor d
SET payment_score = CAST(CASE WHEN b.has_history THEN
        greatest(0, least(100, round(50 * b.on_time_share + 50 * greatest(0, 1 - b.avg_days_late / 30)
                                     - 10 * b.broken_promises - 5 * b.disputes)))
    END AS smallint),
    score_paid_items = b.paid_items, score_avg_days_late = b.avg_days_late, score_on_time_share = b.on_time_share,
    score_broken_promises = b.broken_promises, score_disputes = b.disputes,
    scored_version = b.payment_history_version, scored_on = run.today, score_changes_on = b.changes_on
FROM behaviour b, run
WHERE d.id = b.debtor_id
