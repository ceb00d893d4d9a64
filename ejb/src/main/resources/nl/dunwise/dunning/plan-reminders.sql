-- The planning run of one division on one day, in one statement. Per debtor it finds the step that is due:
-- the last step after the due date that its oldest overdue item has reached, or else a pre-due notice for
-- items about to fall due. A step is due only when it comes after every step already planned in the same
-- cycle (the reminders holding any of the debtor's open items), so a debtor never goes back to an earlier
-- step. Then the pause rules, each a named rule below, hold debtors back; the first rule that applies (in
-- the order of SkipReason) is stored in dunning_skip. Everybody else gets one reminder with all its items.
-- A second run on the same day adds nothing: the steps it finds are no longer after the planned ones,
-- and skips are unique per debtor, day and reason.
WITH run AS (
    SELECT CAST(? AS integer) AS division, CAST(? AS date) AS today, CAST(? AS numeric) AS minimum_amount,
           CAST(? AS integer) AS promise_grace_days, CAST(? AS varchar) AS currency,
           CAST(? AS timestamptz) AS planned_at, CAST(? AS text[]) AS reason_order
),
default_scenario AS (
    SELECT s.id FROM scenario s, run
    WHERE s.division = run.division AND s.is_default AND s.active
    ORDER BY s.id LIMIT 1
),
-- Items due later than the widest pre-due window play no part today.
horizon AS (
    SELECT run.today + coalesce(max(-st.day_offset), 0) AS last_due_date
    FROM run LEFT JOIN scenario s ON s.division = run.division AND s.active
    LEFT JOIN step st ON st.scenario_id = s.id AND st.day_offset < 0 AND NOT st.retired
    GROUP BY run.today
),
disputed_item AS (
    SELECT DISTINCT x.invoice_id FROM dispute x, run WHERE x.division = run.division AND x.status = 'OPEN'
),
item_in_plan AS (
    SELECT DISTINCT ppi.invoice_id
    FROM payment_plan p JOIN payment_plan_invoice ppi ON ppi.plan_id = p.id, run
    WHERE p.division = run.division AND p.status = 'ACTIVE'
),
-- The latest step each item was reminded at, and when (rejected reminders do not count).
reminded_item AS (
    SELECT ri.invoice_id, max(st.day_offset) AS latest_offset, CAST(max(r.planned_at) AS date) AS latest_on
    FROM reminder r CROSS JOIN LATERAL unnest(r.item_invoice_ids) AS ri(invoice_id)
    JOIN step st ON st.id = r.step_id, run
    WHERE r.division = run.division AND r.status <> 'REJECTED'
    GROUP BY ri.invoice_id
),
-- Every open item the debtors owe up to the horizon; an item may be chased unless it is disputed or in
-- an active payment plan. Credit notes (any due date) are read in the same pass: they are never overdue
-- or chased, but reduce what a debtor owes before it is chased.
item AS (
    SELECT i.debtor_id, i.id AS invoice_id, i.due_date, i.open_amount, greatest(run.today - i.due_date, 0) AS days_overdue,
           i.open_amount < 0 AS credit_note,
           i.open_amount > 0 AND i.due_date < run.today AS overdue,
           di.invoice_id IS NOT NULL AS disputed,
           ip.invoice_id IS NOT NULL AS in_plan,
           i.open_amount > 0 AND di.invoice_id IS NULL AND ip.invoice_id IS NULL AS chaseable,
           ri.latest_offset, ri.latest_on
    FROM run, horizon, invoice i
    LEFT JOIN disputed_item di ON di.invoice_id = i.id
    LEFT JOIN item_in_plan ip ON ip.invoice_id = i.id
    LEFT JOIN reminded_item ri ON ri.invoice_id = i.id
    WHERE i.division = run.division AND i.closed_at IS NULL
      AND (i.open_amount < 0 OR (i.open_amount > 0 AND i.due_date <= horizon.last_due_date))
),
debtor_items AS (
    SELECT it.debtor_id,
           min(it.due_date) FILTER (WHERE it.overdue AND it.chaseable) AS oldest_chaseable_due,
           min(it.due_date) FILTER (WHERE it.overdue) AS oldest_overdue_due,
           count(*) FILTER (WHERE it.overdue AND it.disputed) AS disputed_items,
           count(*) FILTER (WHERE it.overdue AND it.in_plan) AS items_in_plan,
           -sum(it.open_amount) FILTER (WHERE it.credit_note) AS credit,
           min(it.due_date) FILTER (WHERE NOT it.overdue AND it.chaseable AND it.latest_offset IS NULL) AS next_unreminded_due,
           -- the latest step of the cycle: over the items that may be chased, or, when no overdue one may,
           -- over the overdue ones (to tell whether their held-back step is a new one)
           max(it.latest_offset) FILTER (WHERE it.chaseable) AS chaseable_cycle_offset,
           max(it.latest_offset) FILTER (WHERE it.overdue) AS overdue_cycle_offset,
           max(it.latest_on) FILTER (WHERE it.chaseable) AS chaseable_cycle_on,
           max(it.latest_on) FILTER (WHERE it.overdue) AS overdue_cycle_on,
           -- what a reminder after the due date holds: every overdue item that may be chased
           sum(it.open_amount) FILTER (WHERE it.overdue AND it.chaseable) AS overdue_amount,
           array_agg(it.invoice_id) FILTER (WHERE it.overdue AND it.chaseable) AS overdue_invoice_ids,
           array_agg(it.open_amount) FILTER (WHERE it.overdue AND it.chaseable) AS overdue_open_amounts,
           array_agg(it.days_overdue) FILTER (WHERE it.overdue AND it.chaseable) AS overdue_days,
           -- what a pre-due notice may hold: the items not reminded yet (those in its window, see due)
           array_agg(it.invoice_id) FILTER (WHERE NOT it.overdue AND it.chaseable AND it.latest_offset IS NULL) AS upcoming_invoice_ids,
           array_agg(it.open_amount) FILTER (WHERE NOT it.overdue AND it.chaseable AND it.latest_offset IS NULL) AS upcoming_open_amounts,
           array_agg(it.due_date) FILTER (WHERE NOT it.overdue AND it.chaseable AND it.latest_offset IS NULL) AS upcoming_due_dates
    FROM item it
    GROUP BY it.debtor_id
),
-- The debtor's own scenario while it is active, else the division's default; and where its cycle stands:
-- the latest step reminded and the day it was planned (over the items that drive the step, see below).
debtor_state AS (
    SELECT x.*,
           CASE WHEN x.oldest_chaseable_due IS NOT NULL THEN x.chaseable_cycle_offset ELSE x.overdue_cycle_offset END AS cycle_offset,
           CASE WHEN x.oldest_chaseable_due IS NOT NULL THEN x.chaseable_cycle_on ELSE x.overdue_cycle_on END AS cycle_on
    FROM (SELECT di.*, coalesce(own.id, (SELECT id FROM default_scenario)) AS scenario_id
          FROM debtor_items di
          JOIN debtor d ON d.id = di.debtor_id
          LEFT JOIN scenario own ON own.id = d.scenario_id AND own.active) x
),
-- The 14-day letter of each scenario: no step after it may come before it was sent (no collection costs,
-- call or agency for a debtor who never had the letter), however late the oldest item already is.
letter_step AS (
    SELECT st.scenario_id, min(st.day_offset) AS day_offset
    FROM step st JOIN scenario s ON s.id = st.scenario_id, run
    WHERE s.division = run.division AND st.fourteen_day_letter AND NOT st.retired
    GROUP BY st.scenario_id
),
-- The step each debtor has reached. After the due date: the last step whose offset the oldest overdue
-- item has reached; items that may be chased drive it, and when none may, the oldest overdue one names the
-- step that is held back. Otherwise, before the due date: the pre-due step (offset 0 or less) whose window
-- holds the earliest item not reminded yet. A step after the due date wins over a pre-due one.
reached_step AS (
    SELECT DISTINCT ON (ds.debtor_id) ds.debtor_id, st.id AS step_id, st.day_offset, st.channel, st.needs_approval,
           st.day_offset <= 0 AS pre_due,
           CASE WHEN st.day_offset <= 0 THEN ds.next_unreminded_due
                ELSE coalesce(ds.oldest_chaseable_due, ds.oldest_overdue_due) END AS cycle_due_date,
           CASE WHEN st.day_offset <= 0 THEN ds.chaseable_cycle_offset ELSE ds.cycle_offset END AS cycle_offset
    FROM debtor_state ds JOIN step st ON st.scenario_id = ds.scenario_id AND NOT st.retired
    LEFT JOIN letter_step ls ON ls.scenario_id = ds.scenario_id, run
    WHERE (st.day_offset > 0
           AND st.day_offset <= run.today - coalesce(ds.oldest_chaseable_due, ds.oldest_overdue_due)
           -- not past the 14-day letter before it went out
           AND (ls.day_offset IS NULL OR st.day_offset <= ls.day_offset OR ds.cycle_offset >= ls.day_offset)
           -- a later step keeps the scenario's spacing from the last reminder, so a debtor who enters late
           -- still gets the days (e.g. the letter's 14) the previous reminder promised
           AND (ds.cycle_offset IS NULL OR st.day_offset <= ds.cycle_offset
                OR ds.cycle_on + (st.day_offset - ds.cycle_offset) <= run.today))
       OR (st.day_offset <= 0 AND ds.next_unreminded_due + st.day_offset <= run.today)
    ORDER BY ds.debtor_id, st.day_offset > 0 DESC, st.day_offset DESC
),
-- Debtors with overdue items but no scenario: no step can be named, and the skip says why.
no_scenario AS (
    SELECT ds.debtor_id, CAST(NULL AS bigint) AS step_id, CAST(NULL AS integer) AS day_offset,
           CAST(NULL AS varchar) AS channel, false AS needs_approval, false AS pre_due,
           coalesce(ds.oldest_chaseable_due, ds.oldest_overdue_due) AS cycle_due_date, CAST(NULL AS integer) AS cycle_offset
    FROM debtor_state ds
    WHERE ds.scenario_id IS NULL AND ds.oldest_overdue_due IS NOT NULL
),
-- The steps due today: later than every step of the cycle; one pre-due notice per cycle.
step_due AS (
    SELECT * FROM reached_step
    WHERE cycle_offset IS NULL OR (NOT pre_due AND day_offset > cycle_offset)
    UNION ALL
    SELECT * FROM no_scenario
),
-- What each due step reminds of, with its items: every overdue item that may be chased, or, for a
-- pre-due notice, the items not reminded yet that fall due within its window. The item arrays (same
-- order in all three) go into the reminder's row.
due AS (
    SELECT sd.*, coalesce(a.amount, 0) AS amount, coalesce(a.amount, 0) - coalesce(ds.credit, 0) AS net_amount,
           coalesce(ds.credit, 0) AS credit, a.invoice_ids IS NULL AS nothing_to_chase,
           coalesce(a.invoice_ids, '{}') AS invoice_ids, coalesce(a.open_amounts, '{}') AS open_amounts,
           coalesce(a.days_overdue, '{}') AS days_overdue,
           ds.disputed_items, ds.items_in_plan,
           d.dunning_blocked, d.postponed_until, d.deleted_in_exact, d.handed_over_on,
           d.bouncing_email, d.bouncing_email_bounce_id
    FROM step_due sd
    JOIN debtor_state ds ON ds.debtor_id = sd.debtor_id
    JOIN debtor d ON d.id = sd.debtor_id
    LEFT JOIN LATERAL (
        SELECT ds.overdue_amount AS amount, ds.overdue_invoice_ids AS invoice_ids,
               ds.overdue_open_amounts AS open_amounts, ds.overdue_days AS days_overdue
        WHERE NOT sd.pre_due
        UNION ALL
        SELECT sum(u.open_amount), array_agg(u.invoice_id), array_agg(u.open_amount), array_agg(0)
        FROM unnest(ds.upcoming_invoice_ids, ds.upcoming_open_amounts, ds.upcoming_due_dates)
             AS u(invoice_id, open_amount, due_date), run
        WHERE sd.pre_due AND u.due_date + sd.day_offset <= run.today
        HAVING count(*) > 0
    ) a ON true
),
-- The pause rules, one per SkipReason; each names the debtors it holds back and the values its text shows.
rule_handed_over AS (             -- a collection agency has the debtor's file
    SELECT debtor_id, 'HANDED_OVER' AS reason, ARRAY[handed_over_on::text] AS detail_values
    FROM due WHERE handed_over_on IS NOT NULL
),
rule_all_items_disputed AS (      -- nothing left to chase, and disputes are why
    SELECT debtor_id, 'ALL_ITEMS_DISPUTED', ARRAY[disputed_items::text]
    FROM due WHERE nothing_to_chase AND disputed_items > 0
),
rule_in_payment_plan AS (         -- nothing left to chase outside an active payment plan
    SELECT debtor_id, 'IN_PAYMENT_PLAN', ARRAY[items_in_plan::text]
    FROM due WHERE nothing_to_chase AND items_in_plan > 0
),
rule_promise_to_pay AS (          -- an open promise, until its date plus the grace days
    SELECT due.debtor_id, 'PROMISE_TO_PAY', ARRAY[max(p.promised_date)::text, min(run.promise_grace_days)::text]
    FROM due JOIN promise_to_pay p ON p.debtor_id = due.debtor_id, run
    WHERE p.status = 'OPEN' AND p.promised_date + run.promise_grace_days >= run.today
    GROUP BY due.debtor_id
),
rule_postponed AS (               -- a collector postponed it until a date
    SELECT debtor_id, 'POSTPONED', ARRAY[postponed_until::text]
    FROM due, run WHERE postponed_until >= run.today
),
rule_dunning_blocked AS (         -- a collector blocked it
    SELECT debtor_id, 'DUNNING_BLOCKED', CAST(ARRAY[] AS text[]) FROM due WHERE dunning_blocked
),
rule_credit_covers AS (           -- credit notes cover what is due
    SELECT debtor_id, 'CREDIT_COVERS', ARRAY[amount::text, credit::text]
    FROM due WHERE NOT nothing_to_chase AND net_amount <= 0
),
rule_below_minimum AS (           -- what is due after credit is too little to chase
    SELECT debtor_id, 'BELOW_MINIMUM', ARRAY[net_amount::text, run.minimum_amount::text]
    FROM due, run WHERE NOT nothing_to_chase AND net_amount > 0 AND net_amount < run.minimum_amount
),
rule_deleted_in_exact AS (        -- the account is gone from Exact Online
    SELECT debtor_id, 'DELETED_IN_EXACT', CAST(ARRAY[] AS text[]) FROM due WHERE deleted_in_exact
),
rule_email_bounced AS (          -- the step goes by email to the address that hard-bounced
    -- (the reminder address is looked up for flagged debtors only: the view works per debtor)
    SELECT due.debtor_id, 'EMAIL_BOUNCED', ARRAY[due.bouncing_email, CAST(eb.received_at AS date)::text, eb.status_code]
    FROM due LEFT JOIN email_bounce eb ON eb.id = due.bouncing_email_bounce_id
    WHERE due.channel = 'EMAIL' AND due.bouncing_email IS NOT NULL
      AND lower(due.bouncing_email) = (SELECT lower(ra.email) FROM debtor_reminder_address ra WHERE ra.debtor_id = due.debtor_id)
),
rule_no_scenario AS (             -- no scenario, so no step
    SELECT debtor_id, 'NO_SCENARIO', CAST(ARRAY[] AS text[]) FROM due WHERE step_id IS NULL
),
held_back AS (
    SELECT DISTINCT ON (r.debtor_id) r.debtor_id, r.reason, r.detail_values
    FROM (SELECT * FROM rule_handed_over
          UNION ALL SELECT * FROM rule_all_items_disputed
          UNION ALL SELECT * FROM rule_in_payment_plan
          UNION ALL SELECT * FROM rule_promise_to_pay
          UNION ALL SELECT * FROM rule_postponed
          UNION ALL SELECT * FROM rule_dunning_blocked
          UNION ALL SELECT * FROM rule_credit_covers
          UNION ALL SELECT * FROM rule_below_minimum
          UNION ALL SELECT * FROM rule_deleted_in_exact
          UNION ALL SELECT * FROM rule_email_bounced
          UNION ALL SELECT * FROM rule_no_scenario) r, run
    ORDER BY r.debtor_id, array_position(run.reason_order, r.reason)
),
planned AS (
    INSERT INTO reminder (division, debtor_id, step_id, cycle_due_date, channel, status, total_amount, currency,
                          planned_at, item_invoice_ids, item_open_amounts, item_days_overdue)
    SELECT run.division, due.debtor_id, due.step_id, due.cycle_due_date, due.channel,
           CASE WHEN due.needs_approval THEN 'AWAITING_APPROVAL' ELSE 'PLANNED' END, due.amount, run.currency,
           run.planned_at, due.invoice_ids, due.open_amounts, due.days_overdue
    FROM due, run
    WHERE NOT EXISTS (SELECT 1 FROM held_back h WHERE h.debtor_id = due.debtor_id)
    ON CONFLICT (debtor_id, step_id, cycle_due_date) DO NOTHING
    RETURNING id
),
skipped AS (
    INSERT INTO dunning_skip (division, debtor_id, run_date, step_id, reason, detail_values, created_at)
    SELECT run.division, h.debtor_id, run.today, due.step_id, h.reason, h.detail_values, run.planned_at
    FROM held_back h JOIN due ON due.debtor_id = h.debtor_id, run
    ON CONFLICT (debtor_id, run_date, reason) DO NOTHING
    RETURNING debtor_id
)
SELECT (SELECT count(*) FROM planned) AS planned, (SELECT count(*) FROM skipped) AS skipped
