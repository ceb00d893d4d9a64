-- Sales invoices from Exact (sync/SalesInvoice/SalesInvoices): the header fields Dunwise shows or needs to find
-- an invoice's PDF. Exact sends one row per invoice line, each repeating the header, so a sales invoice is kept
-- once per InvoiceID. Linked to the receivable (invoice, from PaymentTerms) by invoice number within the
-- division: the two arrive through different endpoints in either order, so the link is a join, not a key.
CREATE TABLE sales_invoice (
    id                 bigserial PRIMARY KEY,
    division           integer      NOT NULL REFERENCES division (code),
    exact_id           uuid         NOT NULL,
    invoice_number     varchar(30),
    your_ref           text,
    description        text,
    order_date         date,
    document_exact_id  uuid,
    exact_status       smallint,
    exact_timestamp    bigint       NOT NULL,
    synced_at          timestamptz  NOT NULL,
    UNIQUE (division, exact_id)
);
CREATE INDEX sales_invoice_by_number ON sales_invoice (division, invoice_number);
CREATE INDEX sales_invoice_by_document ON sales_invoice (division, document_exact_id);

-- Files attached to Exact documents (sync/Documents/DocumentAttachments): where to download each. The content
-- is fetched only when a reminder needs it and kept here; a newer version from Exact empties the cache.
-- refused_reason: the download was refused for good (not a PDF, too large) and is not tried again until Exact
-- changes the attachment; last_fetch_error: the last failure of any kind, for the operator.
CREATE TABLE document_attachment (
    id                 bigserial PRIMARY KEY,
    division           integer      NOT NULL REFERENCES division (code),
    exact_id           uuid         NOT NULL,
    document_exact_id  uuid         NOT NULL,
    file_name          text,
    file_size          bigint,
    url                text         NOT NULL,
    exact_timestamp    bigint       NOT NULL,
    synced_at          timestamptz  NOT NULL,
    deleted_in_exact   boolean      NOT NULL DEFAULT false,
    content            bytea,
    content_type       varchar(100),
    fetched_at         timestamptz,
    refused_reason     text,
    last_fetch_error   text,
    last_fetch_at      timestamptz,
    UNIQUE (division, exact_id)
);
CREATE INDEX document_attachment_by_document ON document_attachment (division, document_exact_id);

-- The PDF files Exact holds for each receivable: its sales invoice (same number, same division) and the PDF
-- attachments of that invoice's document. An invoice without a row here has no PDF in Exact (yet).
CREATE VIEW invoice_pdf AS
SELECT i.id AS invoice_id, i.division, i.invoice_number, a.id AS attachment_id, a.file_name, a.file_size, a.url,
       a.content IS NOT NULL AS cached, a.refused_reason
FROM invoice i
JOIN sales_invoice s ON s.division = i.division AND s.invoice_number = i.invoice_number
JOIN document_attachment a ON a.division = s.division AND a.document_exact_id = s.document_exact_id
WHERE NOT a.deleted_in_exact AND lower(a.file_name) LIKE '%.pdf';
