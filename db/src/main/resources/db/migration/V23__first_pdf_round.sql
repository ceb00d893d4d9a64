-- The larger first round of invoice PDFs after a division's first full sync (exact.document.InvoicePdfs): when
-- it was claimed (once per division, by whichever server finishes that sync) and when it ended. While it runs,
-- the division's email reminders wait, so that the first dunning run's emails carry their invoices.
ALTER TABLE division ADD COLUMN first_pdf_round_started_at timestamptz;
ALTER TABLE division ADD COLUMN first_pdf_round_ended_at timestamptz;
