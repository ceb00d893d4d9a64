-- What a collector does to a debtor's file from the cockpit: disputes raised and resolved, promises to pay made,
-- cancelled and settled, dunning postponed or blocked, credit hold and credit limit. The tables exist since V1;
-- these columns keep who ended what and why, so the debtor's page can show it without reading the audit trail.

-- One open dispute per invoice: a second collector raising the same dispute at the same moment is refused.
DROP INDEX dispute_open_by_invoice;
CREATE UNIQUE INDEX dispute_one_open_per_invoice ON dispute (invoice_id) WHERE status = 'OPEN';
CREATE INDEX dispute_by_debtor ON dispute (debtor_id, opened_at);
ALTER TABLE dispute ADD COLUMN resolved_by text;

-- settled_on: the day the promise became KEPT, BROKEN or CANCELLED; settled_by: the collector who cancelled it
-- (empty when the planning run settled it).
ALTER TABLE promise_to_pay ADD COLUMN settled_on date;
ALTER TABLE promise_to_pay ADD COLUMN settled_by text;
CREATE INDEX promise_by_debtor ON promise_to_pay (debtor_id, made_at);

-- Why a collector blocked dunning, or put the debtor on credit hold (shown beside the switch).
ALTER TABLE debtor ADD COLUMN dunning_block_reason text;
ALTER TABLE debtor ADD COLUMN hold_reason text;

-- The debtor page lists the write-backs about one account.
CREATE INDEX exact_writeback_by_account ON exact_writeback (account_id, created_at);
-- and the audit events of its disputes, promises and reminders (audit_by_subject covers them).
CREATE INDEX payment_by_debtor ON payment (debtor_id, paid_on) WHERE NOT deleted_in_exact;
