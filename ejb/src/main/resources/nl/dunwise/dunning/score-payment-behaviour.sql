-- The payment behaviour of every debtor of a division over the 12 months before the run date, and the
-- scenario it earns, in one statement.
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
-- Scenario, unless the credit manager pinned one: the good-payer scenario from the good-payer score up,
-- the late-payer scenario below the late-payer score, the division's default otherwise and for debtors
-- with fewer paid items than the minimum. Only rows whose figures change are written.
WITH run AS (
    SELECT CAST(? AS integer) AS division, CAST(? AS date) AS today, CAST(? AS integer) AS minimum_paid_items,
           CAST(? AS integer) AS good_payer_from, CAST(? AS integer) AS late_payer_below,
           CAST(? AS varchar) AS good_payer_scenario, CAST(? AS varchar) AS late_payer_scenario
),
scenario_choice AS (
    SELECT (SELECT s.id FROM scenario s WHERE s.division = run.division AND s.is_default AND s.active
            ORDER BY s.id LIMIT 1) AS default_id,
           (SELECT s.id FROM scenario s WHERE s.division = run.division AND s.code = run.good_payer_scenario
            AND s.active) AS good_payer_id,
           (SELECT s.id FROM scenario s WHERE s.division = run.division AND s.code = run.late_payer_scenario
            AND s.active) AS late_payer_id
    FROM run
),
last_payment AS (
    SELECT p.invoice_id, max(p.paid_on) AS paid_on
    FROM payment p, run
    WHERE p.division = run.division AND p.invoice_id IS NOT NULL AND NOT p.deleted_in_exact
    GROUP BY p.invoice_id
),
paid_item AS (
    SELECT i.debtor_id, i.amount, greatest(coalesce(lp.paid_on, CAST(i.closed_at AS date)) - i.due_date, 0) AS days_late
    FROM run, invoice i
    LEFT JOIN last_payment lp ON lp.invoice_id = i.id
    -- an item is closed when or after it is paid, so one closed before the window was paid before it
    WHERE i.division = run.division AND i.closed_at > run.today - interval '12 months' AND i.amount > 0
      AND coalesce(lp.paid_on, CAST(i.closed_at AS date)) > CAST(run.today - interval '12 months' AS date)
      AND coalesce(lp.paid_on, CAST(i.closed_at AS date)) <= run.today
),
history AS (
    SELECT debtor_id, count(*) AS paid_items,
           round(sum(days_late * amount) / sum(amount), 1) AS avg_days_late,
           round(CAST(count(*) FILTER (WHERE days_late = 0) AS numeric) / count(*), 4) AS on_time_share
    FROM paid_item GROUP BY debtor_id
),
broken_promise AS (
    SELECT p.debtor_id, count(*) AS n
    FROM promise_to_pay p, run
    WHERE p.division = run.division AND p.status = 'BROKEN'
      AND p.promised_date > CAST(run.today - interval '12 months' AS date) AND p.promised_date <= run.today
    GROUP BY p.debtor_id
),
opened_dispute AS (
    SELECT x.debtor_id, count(*) AS n
    FROM dispute x, run
    WHERE x.division = run.division
      AND CAST(x.opened_at AS date) > CAST(run.today - interval '12 months' AS date) AND CAST(x.opened_at AS date) <= run.today
    GROUP BY x.debtor_id
),
behaviour AS (
    SELECT d.id AS debtor_id, coalesce(h.paid_items, 0) AS paid_items, h.avg_days_late, h.on_time_share,
           coalesce(bp.n, 0) AS broken_promises, coalesce(od.n, 0) AS disputes,
           CAST(CASE WHEN h.paid_items IS NOT NULL THEN
               greatest(0, least(100, round(50 * h.on_time_share + 50 * greatest(0, 1 - h.avg_days_late / 30)
                                            - 10 * coalesce(bp.n, 0) - 5 * coalesce(od.n, 0))))
           END AS smallint) AS score
    FROM run, debtor d
    LEFT JOIN history h ON h.debtor_id = d.id
    LEFT JOIN broken_promise bp ON bp.debtor_id = d.id
    LEFT JOIN opened_dispute od ON od.debtor_id = d.id
    WHERE d.division = run.division
),
earned AS (
    SELECT b.*,
           coalesce(CASE WHEN b.paid_items < run.minimum_paid_items THEN NULL
                         WHEN b.score >= run.good_payer_from THEN sc.good_payer_id
                         WHEN b.score < run.late_payer_below THEN sc.late_payer_id END,
                    sc.default_id) AS scenario_id
    FROM behaviour b, run, scenario_choice sc
)
UPDATE debtor d
SET payment_score = e.score, score_paid_items = e.paid_items, score_avg_days_late = e.avg_days_late,
    score_on_time_share = e.on_time_share, score_broken_promises = e.broken_promises, score_disputes = e.disputes,
    scenario_id = CASE WHEN d.scenario_pinned THEN d.scenario_id ELSE e.scenario_id END
FROM earned e
WHERE d.id = e.debtor_id
  AND (d.payment_score, d.score_paid_items, d.score_avg_days_late, d.score_on_time_share, d.score_broken_promises,
       d.score_disputes, d.scenario_id)
      IS DISTINCT FROM
      (e.score, e.paid_items, e.avg_days_late, e.on_time_share, e.broken_promises, e.disputes,
       CASE WHEN d.scenario_pinned THEN d.scenario_id ELSE e.scenario_id END)
