-- The planning run of one division on one day, in one statement. Per debtor it finds the step that is due:
-- the last step after the due date that its oldest overdue item has reached, or else a pre-due notice for
-- items about to fall due. A step is due only when it comes after every step already planned in the same
-- cycle (the reminders holding any of the debtor's open items), so a debtor never goes back to an earlier
-- step. Then the pause rules, each a named rule below, hold debtors back; the first rule that applies (in
-- the order of SkipReason) is stored in dunning_skip. Everybody else gets one reminder with all its items.
-- A second run on the same day adds nothing: the steps it finds are no longer after the planned ones,
-- and skips are unique per debtor, day and reason.
-- The run may be split into slices of debtors (a range of debtor ids each), each planned by its own
-- statement on its own connection at the same time: every row below belongs to one debtor, so a slice reads
-- and writes only its own debtors and the slices together plan what one statement would. A slice reads its
-- debtors' open items from invoice_open_by_debtor alone (V24: it holds every column used here), in debtor
-- order, so neither slice reads the other's items.
WITH run AS (
    SELECT CAST(? AS integer) AS division, CAST(? AS date) AS today, CAST(? AS numeric) AS minimum_amount,
           CAST(? AS integer) AS promise_grace_days, CAST(? AS varchar) AS currency,
           CAST(? AS timestamptz) AS planned_at, CAST(? AS text[]) AS reason_order,
           CAST(? AS bigint) AS first_debtor, CAST(? AS bigint) AS last_debtor
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
    WHERE r.division = run.division AND r.status <> 'REJECTED' AND r.debtor_id BETWEEN run.first_debtor AND run.last_debtor
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
    WHERE i.division = run.division AND i.closed_at IS NULL AND i.debtor_id BETWEEN run.first_debtor AND run.last_debtor
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
-- The debtor's own scenario while it is active, else the division's default; where its cycle stands (the
-- latest step reminded and the day it was planned, over the items that drive the step, see below); and the
-- debtor's own flags the pause rules read. Each debtor row flows once through the rest of the statement:
-- the step, the items and the pause rules are found per row, so nothing wide is stored or joined twice.
debtor_state AS (
    SELECT x.*,
           CASE WHEN x.oldest_chaseable_due IS NOT NULL THEN x.chaseable_cycle_offset ELSE x.overdue_cycle_offset END AS cycle_offset,
           CASE WHEN x.oldest_chaseable_due IS NOT NULL THEN x.chaseable_cycle_on ELSE x.overdue_cycle_on END AS cycle_on
    FROM (SELECT di.*, coalesce(own.id, (SELECT id FROM default_scenario)) AS scenario_id,
                 d.dunning_blocked, d.postponed_until, d.deleted_in_exact, d.handed_over_on,
                 d.bouncing_email, d.bouncing_email_bounce_id
          FROM debtor_items di
          JOIN debtor d ON d.id = di.debtor_id
          LEFT JOIN scenario own ON own.id = d.scenario_id AND own.active) x
),
-- The active steps of the division's scenarios, each with its scenario's 14-day letter: no step after the
-- letter may come before it was sent (no collection costs, call or agency for a debtor who never had the
-- letter), however late the oldest item already is. Materialised: a handful of rows, read once per debtor.
scenario_step AS MATERIALIZED (
    SELECT st.scenario_id, st.id, st.day_offset, st.channel, st.needs_approval,
           min(st.day_offset) FILTER (WHERE st.fourteen_day_letter) OVER (PARTITION BY st.scenario_id) AS letter_offset
    FROM step st JOIN scenario s ON s.id = st.scenario_id, run
    WHERE s.division = run.division AND NOT st.retired
),
-- The step each debtor has reached. After the due date: the last step whose offset the oldest overdue
-- item has reached; items that may be chased drive it, and when none may, the oldest overdue one names the
-- step that is held back. Otherwise, before the due date: the pre-due step (offset 0 or less) whose window
-- holds the earliest item not reminded yet. A step after the due date wins over a pre-due one.
reached AS (
    SELECT ds.*, rs.step_id, rs.day_offset, rs.channel, coalesce(rs.needs_approval, false) AS needs_approval,
           coalesce(rs.pre_due, false) AS pre_due,
           CASE WHEN rs.pre_due THEN ds.next_unreminded_due
                ELSE coalesce(ds.oldest_chaseable_due, ds.oldest_overdue_due) END AS cycle_due_date,
           CASE WHEN rs.pre_due THEN ds.chaseable_cycle_offset ELSE ds.cycle_offset END AS step_cycle_offset
    FROM debtor_state ds
    LEFT JOIN LATERAL (
        SELECT st.id AS step_id, st.day_offset, st.channel, st.needs_approval, st.day_offset <= 0 AS pre_due
        FROM scenario_step st, run
        WHERE st.scenario_id = ds.scenario_id
          AND ((st.day_offset > 0
                AND st.day_offset <= run.today - coalesce(ds.oldest_chaseable_due, ds.oldest_overdue_due)
                -- not past the 14-day letter before it went out
                AND (st.letter_offset IS NULL OR st.day_offset <= st.letter_offset OR ds.cycle_offset >= st.letter_offset)
                -- a later step keeps the scenario's spacing from the last reminder, so a debtor who enters late
                -- still gets the days (e.g. the letter's 14) the previous reminder promised
                AND (ds.cycle_offset IS NULL OR st.day_offset <= ds.cycle_offset
                     OR ds.cycle_on + (st.day_offset - ds.cycle_offset) <= run.today))
               OR (st.day_offset <= 0 AND ds.next_unreminded_due + st.day_offset <= run.today))
        ORDER BY st.day_offset > 0 DESC, st.day_offset DESC
        LIMIT 1
    ) rs ON true
),
-- The steps due today: later than every step of the cycle, one pre-due notice per cycle; and the debtors
-- with overdue items but no scenario, for whom no step can be named (the skip says why). What each due
-- step reminds of, with its items: every overdue item that may be chased, or, for a pre-due notice, the
-- items not reminded yet that fall due within its window. The item arrays (same order in all three) go
-- into the reminder's row.
due AS (
    SELECT r.*, coalesce(a.amount, 0) AS amount, coalesce(a.amount, 0) - coalesce(r.credit, 0) AS net_amount,
           a.invoice_ids IS NULL AS nothing_to_chase,
           coalesce(a.invoice_ids, '{}') AS invoice_ids, coalesce(a.open_amounts, '{}') AS open_amounts,
           coalesce(a.days_overdue, '{}') AS days_overdue
    FROM reached r
    LEFT JOIN LATERAL (
        SELECT r.overdue_amount AS amount, r.overdue_invoice_ids AS invoice_ids,
               r.overdue_open_amounts AS open_amounts, r.overdue_days AS days_overdue
        WHERE NOT r.pre_due
        UNION ALL
        SELECT sum(u.open_amount), array_agg(u.invoice_id), array_agg(u.open_amount), array_agg(0)
        FROM unnest(r.upcoming_invoice_ids, r.upcoming_open_amounts, r.upcoming_due_dates)
             AS u(invoice_id, open_amount, due_date), run
        WHERE r.pre_due AND u.due_date + r.day_offset <= run.today
        HAVING count(*) > 0
    ) a ON true
    WHERE (r.step_id IS NOT NULL AND (r.step_cycle_offset IS NULL OR (NOT r.pre_due AND r.day_offset > r.step_cycle_offset)))
       OR (r.scenario_id IS NULL AND r.oldest_overdue_due IS NOT NULL)
),
-- Open promises to pay, until their date plus the grace days.
open_promise AS (
    SELECT p.debtor_id, max(p.promised_date) AS promised_date
    FROM promise_to_pay p, run
    WHERE p.status = 'OPEN' AND p.promised_date + run.promise_grace_days >= run.today
      AND p.debtor_id BETWEEN run.first_debtor AND run.last_debtor
    GROUP BY p.debtor_id
),
-- The pause rules, one per SkipReason: each a named condition on the due step, and the values its text shows.
ruled AS (
    SELECT due.*, run.promise_grace_days, run.minimum_amount, run.reason_order,
           due.handed_over_on IS NOT NULL AS handed_over,                       -- a collection agency has the file
           due.nothing_to_chase AND due.disputed_items > 0 AS all_items_disputed, -- nothing left, disputes are why
           due.nothing_to_chase AND due.items_in_plan > 0 AS in_payment_plan,    -- nothing left outside a plan
           op.promised_date AS promised_date,                                  -- an open promise
           op.promised_date IS NOT NULL AS promise_to_pay,
           due.postponed_until >= run.today AS postponed,                       -- a collector postponed it
           -- dunning_blocked (a collector blocked it) and deleted_in_exact (the account is gone from Exact)
           -- are the debtor's own flags
           NOT due.nothing_to_chase AND due.net_amount <= 0 AS credit_covers,   -- credit notes cover what is due
           NOT due.nothing_to_chase AND due.net_amount > 0
               AND due.net_amount < run.minimum_amount AS below_minimum,        -- too little to chase after credit
           -- the step goes by email to the address that hard-bounced (the reminder address is looked up for
           -- flagged debtors only: the view works per debtor)
           due.channel = 'EMAIL' AND due.bouncing_email IS NOT NULL
               AND lower(due.bouncing_email) = (SELECT lower(ra.email) FROM debtor_reminder_address ra
                                                WHERE ra.debtor_id = due.debtor_id) AS email_bounced,
           due.step_id IS NULL AS no_scenario                                   -- no scenario, so no step
    FROM due LEFT JOIN open_promise op ON op.debtor_id = due.debtor_id, run
),
-- Each due step once, with the first pause rule that holds it back (in the order of SkipReason), if any;
-- only what the two inserts write is kept.
decided AS MATERIALIZED (
    SELECT ruled.debtor_id, ruled.step_id, ruled.cycle_due_date, ruled.channel, ruled.needs_approval, ruled.amount,
           ruled.invoice_ids, ruled.open_amounts, ruled.days_overdue, h.reason, h.detail_values
    FROM ruled
    LEFT JOIN LATERAL (
        SELECT rule.reason, rule.detail_values
        FROM (VALUES
                ('HANDED_OVER', ruled.handed_over, ARRAY[ruled.handed_over_on::text]),
                ('ALL_ITEMS_DISPUTED', ruled.all_items_disputed, ARRAY[ruled.disputed_items::text]),
                ('IN_PAYMENT_PLAN', ruled.in_payment_plan, ARRAY[ruled.items_in_plan::text]),
                ('PROMISE_TO_PAY', ruled.promise_to_pay, ARRAY[ruled.promised_date::text, ruled.promise_grace_days::text]),
                ('POSTPONED', ruled.postponed, ARRAY[ruled.postponed_until::text]),
                ('DUNNING_BLOCKED', ruled.dunning_blocked, CAST(ARRAY[] AS text[])),
                ('CREDIT_COVERS', ruled.credit_covers, ARRAY[ruled.amount::text, coalesce(ruled.credit, 0)::text]),
                ('BELOW_MINIMUM', ruled.below_minimum, ARRAY[ruled.net_amount::text, ruled.minimum_amount::text]),
                ('DELETED_IN_EXACT', ruled.deleted_in_exact, CAST(ARRAY[] AS text[])),
                ('EMAIL_BOUNCED', ruled.email_bounced,
                 ARRAY[ruled.bouncing_email,
                       (SELECT CAST(eb.received_at AS date)::text FROM email_bounce eb WHERE eb.id = ruled.bouncing_email_bounce_id),
                       (SELECT eb.status_code FROM email_bounce eb WHERE eb.id = ruled.bouncing_email_bounce_id)]),
                ('NO_SCENARIO', ruled.no_scenario, CAST(ARRAY[] AS text[]))
             ) AS rule(reason, applies, detail_values)
        -- the first condition only reads the debtor's row: debtors no rule holds back skip the list
        WHERE (ruled.handed_over OR ruled.all_items_disputed OR ruled.in_payment_plan OR ruled.promise_to_pay
               OR ruled.postponed OR ruled.dunning_blocked OR ruled.credit_covers OR ruled.below_minimum
               OR ruled.deleted_in_exact OR ruled.email_bounced OR ruled.no_scenario)
          AND rule.applies
        ORDER BY array_position(ruled.reason_order, rule.reason)
        LIMIT 1
    ) h ON true
),
planned AS (
    INSERT INTO reminder (division, debtor_id, step_id, cycle_due_date, channel, status, total_amount, currency,
                          planned_at, item_invoice_ids, item_open_amounts, item_days_overdue)
    SELECT run.division, d.debtor_id, d.step_id, d.cycle_due_date, d.channel,
           CASE WHEN d.needs_approval THEN 'AWAITING_APPROVAL' ELSE 'PLANNED' END, d.amount, run.currency,
           run.planned_at, d.invoice_ids, d.open_amounts, d.days_overdue
    FROM decided d, run
    WHERE d.reason IS NULL
    ON CONFLICT (debtor_id, step_id, cycle_due_date) DO NOTHING
    RETURNING id
),
skipped AS (
    INSERT INTO dunning_skip (division, debtor_id, run_date, step_id, reason, detail_values, created_at)
    SELECT run.division, d.debtor_id, run.today, d.step_id, d.reason, d.detail_values, run.planned_at
    FROM decided d, run
    WHERE d.reason IS NOT NULL
    ON CONFLICT (debtor_id, run_date, reason) DO NOTHING
    RETURNING debtor_id
)
SELECT (SELECT count(*) FROM planned) AS planned, (SELECT count(*) FROM skipped) AS skipped
