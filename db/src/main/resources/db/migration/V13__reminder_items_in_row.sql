-- A reminder keeps its items in its own row: three arrays of equal length, one element per invoice (the
-- invoice, what was open of it and how many days it was overdue when the reminder was planned). The daily
-- planning run writes about ten items per reminder; one reminder_invoice row each, with its two indexes and
-- two foreign-key checks, cost more than the rest of the run together (docs/dunning.md, Performance).
-- Invoices are never deleted (a term deleted in Exact is closed), so the ids stay valid without a foreign key.
ALTER TABLE reminder ADD COLUMN item_invoice_ids bigint[] NOT NULL DEFAULT '{}';
ALTER TABLE reminder ADD COLUMN item_open_amounts numeric(19, 2)[] NOT NULL DEFAULT '{}';
ALTER TABLE reminder ADD COLUMN item_days_overdue integer[] NOT NULL DEFAULT '{}';
ALTER TABLE reminder ADD CONSTRAINT reminder_items_aligned
    CHECK (cardinality(item_open_amounts) = cardinality(item_invoice_ids)
           AND cardinality(item_days_overdue) = cardinality(item_invoice_ids));

UPDATE reminder r
SET item_invoice_ids = ri.invoice_ids, item_open_amounts = ri.open_amounts, item_days_overdue = ri.days_overdue
FROM (SELECT reminder_id, array_agg(invoice_id ORDER BY invoice_id) AS invoice_ids,
             array_agg(open_amount ORDER BY invoice_id) AS open_amounts,
             array_agg(days_overdue ORDER BY invoice_id) AS days_overdue
      FROM reminder_invoice GROUP BY reminder_id) ri
WHERE ri.reminder_id = r.id;

DROP TABLE reminder_invoice;

-- Each planned reminder also pays for its index entries and foreign-key checks. The dispatcher, the letter
-- batches and the agency hand-overs all claim by channel (reminder_to_dispatch_by_channel, V8), so the
-- index on planned_at alone serves nobody; a debtor's reminders (a few dozen at most) are found through
-- the unique key, which starts with debtor_id. One check that the debtor exists in the reminder's division
-- replaces the two separate ones, and says more: a reminder cannot name a division its debtor is not in.
DROP INDEX reminder_to_dispatch;
DROP INDEX reminder_by_debtor;
ALTER TABLE debtor ADD CONSTRAINT debtor_id_division_key UNIQUE (id, division);
ALTER TABLE reminder DROP CONSTRAINT reminder_division_fkey;
ALTER TABLE reminder DROP CONSTRAINT reminder_debtor_id_fkey;
ALTER TABLE reminder ADD CONSTRAINT reminder_debtor_division_fkey
    FOREIGN KEY (debtor_id, division) REFERENCES debtor (id, division);

-- The payment-behaviour score is kept up to date incrementally: it changes only when the debtor's paid
-- history changes (an item closed, a payment booked or linked, a promise broken, a dispute opened) or
-- when the 12-month window moves past one of its inputs. Whatever writes those rows bumps the debtor's
-- payment_history_version (statement triggers, so that every writer, the Exact sync included, is covered
-- and a bulk sync costs one UPDATE per statement); the scoring pass scores only the debtors whose version
-- differs from the one they were scored at, or whose window moved (score_changes_on).
ALTER TABLE debtor ADD COLUMN payment_history_version bigint NOT NULL DEFAULT 0;
ALTER TABLE debtor ADD COLUMN scored_version bigint;
ALTER TABLE debtor ADD COLUMN scored_on date;
ALTER TABLE debtor ADD COLUMN score_changes_on date;

-- TG_ARGV[0]: which rows count for the score (a condition on the row); TG_ARGV[1]: the columns the score
-- reads (with id and debtor_id). An update that leaves those as they were (a sync that brings the same
-- closed item again) changes nothing.
CREATE FUNCTION payment_history_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('UPDATE debtor d SET payment_history_version = d.payment_history_version + 1
                        FROM (SELECT DISTINCT debtor_id FROM changed_new WHERE %s) c WHERE d.id = c.debtor_id',
                       TG_ARGV[0]);
    ELSE
        EXECUTE format('UPDATE debtor d SET payment_history_version = d.payment_history_version + 1
                        FROM (SELECT DISTINCT debtor_id
                              FROM ((SELECT %2$s FROM changed_new WHERE %1$s EXCEPT ALL SELECT %2$s FROM changed_old WHERE %1$s)
                                    UNION ALL
                                    (SELECT %2$s FROM changed_old WHERE %1$s EXCEPT ALL SELECT %2$s FROM changed_new WHERE %1$s)) x
                             ) c WHERE d.id = c.debtor_id',
                       TG_ARGV[0], TG_ARGV[1]);
    END IF;
    RETURN NULL;
END
$$;

-- Open items play no part in the score; a closed one does, and so does one reopened.
CREATE TRIGGER invoice_paid_history_insert AFTER INSERT ON invoice REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION payment_history_changed('closed_at IS NOT NULL');
CREATE TRIGGER invoice_paid_history_update AFTER UPDATE ON invoice
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION payment_history_changed('closed_at IS NOT NULL',
                                                                'id, debtor_id, closed_at, due_date, amount');
CREATE TRIGGER payment_paid_history_insert AFTER INSERT ON payment REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION payment_history_changed('invoice_id IS NOT NULL');
CREATE TRIGGER payment_paid_history_update AFTER UPDATE ON payment
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION payment_history_changed('invoice_id IS NOT NULL',
                                                                'id, debtor_id, invoice_id, paid_on, deleted_in_exact');
CREATE TRIGGER promise_paid_history_insert AFTER INSERT ON promise_to_pay REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION payment_history_changed('status = ''BROKEN''');
CREATE TRIGGER promise_paid_history_update AFTER UPDATE ON promise_to_pay
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION payment_history_changed('status = ''BROKEN''',
                                                                'id, debtor_id, status, promised_date');
CREATE TRIGGER dispute_paid_history_insert AFTER INSERT ON dispute REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION payment_history_changed('true');
CREATE TRIGGER dispute_paid_history_update AFTER UPDATE ON dispute
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION payment_history_changed('true', 'id, debtor_id, opened_at');
