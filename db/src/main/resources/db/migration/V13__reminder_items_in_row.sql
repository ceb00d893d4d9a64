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
