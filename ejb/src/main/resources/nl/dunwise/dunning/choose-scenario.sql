-- The scenario each debtor of a division has earned with its stored payment-behaviour score
-- (score-payment-behaviour.sql), unless the credit manager pinned one: the good-payer scenario from the
-- good-payer score up, the late-payer scenario below the late-payer score, the division's default otherwise
-- and for debtors with fewer paid items than the minimum. Run every time, since the scenarios and the
-- thresholds can change without any payment; only the debtors whose scenario changes are written.
WITH run AS (
    SELECT CAST(? AS integer) AS division, CAST(? AS integer) AS minimum_paid_items,
           CAST(? AS integer) AS good_payer_from, CAST(? AS integer) AS late_payer_below,
           CAST(? AS varchar) AS good_payer_scenario, CAST(? AS varchar) AS late_payer_scenario,
           CAST(? AS bigint) AS first_debtor, CAST(? AS bigint) AS last_debtor
),
-- materialised: the three look-ups once, not once per debtor
scenario_choice AS MATERIALIZED (
    SELECT (SELECT s.id FROM scenario s WHERE s.division = run.division AND s.is_default AND s.active
            ORDER BY s.id LIMIT 1) AS default_id,
           (SELECT s.id FROM scenario s WHERE s.division = run.division AND s.code = run.good_payer_scenario
            AND s.active) AS good_payer_id,
           (SELECT s.id FROM scenario s WHERE s.division = run.division AND s.code = run.late_payer_scenario
            AND s.active) AS late_payer_id
    FROM run
),
earned AS (
    SELECT d.id AS debtor_id,
           coalesce(CASE WHEN coalesce(d.score_paid_items, 0) < run.minimum_paid_items THEN NULL
                         WHEN d.payment_score >= run.good_payer_from THEN sc.good_payer_id
                         WHEN d.payment_score < run.late_payer_below THEN sc.late_payer_id END,
                    sc.default_id) AS scenario_id
    FROM debtor d, run, scenario_choice sc
    WHERE d.division = run.division AND d.id BETWEEN run.first_debtor AND run.last_debtor AND NOT d.scenario_pinned
)
UPDATE debtor d
SET scenario_id = e.scenario_id
FROM earned e
WHERE d.id = e.debtor_id AND d.scenario_id IS DISTINCT FROM e.scenario_id
