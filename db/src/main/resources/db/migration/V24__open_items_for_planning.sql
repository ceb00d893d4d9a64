-- The planning run reads each slice's open items (plan-reminders.sql) from this index alone, in debtor order:
-- it now holds every column that statement reads, so no heap page is visited for a page that autovacuum
-- marked all-visible, and a slice of debtors reads only its own part of the index.
DROP INDEX invoice_open_by_debtor;
CREATE INDEX invoice_open_by_debtor ON invoice (debtor_id, due_date) INCLUDE (id, open_amount, division) WHERE closed_at IS NULL;
