-- The larger first round of invoice PDFs after a division's first full sync (exact.document.InvoicePdfs): when
-- it was claimed (once per division, by whichever server finishes that sync) and when it ended. While it runs,
-- the division's email reminders wait, so that the first dunning run's emails carry their invoices.
ALTER TABLE division ADD COLUMN first_pdf_round_started_at timestamptz;
ALTER TABLE division ADD COLUMN first_pdf_round_ended_at timestamptz;
-- A division that fetched PDFs before this version needs no first round: it is past its first dunning run.
UPDATE division d SET first_pdf_round_started_at = now(), first_pdf_round_ended_at = now()
WHERE EXISTS (SELECT 1 FROM document_attachment a WHERE a.division = d.code AND a.last_fetch_at IS NOT NULL);
