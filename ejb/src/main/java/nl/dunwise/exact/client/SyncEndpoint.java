package nl.dunwise.exact.client;

import java.util.List;

/**
 * A sync endpoint of Exact and the fields Dunwise selects from it (Exact asks for a narrow $select).
 * {@code sync/Deleted} has no service segment in its path.
 */
public enum SyncEndpoint {
    ACCOUNTS("CRM", "Accounts", List.of("ID", "Code", "Name", "Email", "Phone", "Language", "Country", "City",
            "Postcode", "AddressLine1", "Blocked", "CreditLineSales", "PaymentConditionSales", "Status", "IsSales",
            "Timestamp")),
    PAYMENT_TERMS("Cashflow", "PaymentTerms", List.of("ID", "Account", "InvoiceNumber", "EntryNumber",
            "InvoiceDate", "DueDate", "AmountDC", "TransactionAmountDC", "Currency", "Status", "Description", "Timestamp")),
    CONTACTS("CRM", "Contacts", List.of("ID", "Account", "FullName", "FirstName", "LastName", "Email", "Phone",
            "Mobile", "IsMainContact", "Timestamp")),
    TRANSACTION_LINES("Financial", "TransactionLines", List.of("ID", "Account", "AmountDC", "Date", "InvoiceNumber",
            "Type", "Timestamp")),
    /** One row per invoice line, each with the header's fields; Dunwise keeps the header (by InvoiceID). */
    SALES_INVOICES("SalesInvoice", "SalesInvoices", List.of("InvoiceID", "InvoiceNumber", "YourRef", "Description",
            "OrderDate", "Document", "Status", "Timestamp")),
    /** The files of Exact's documents: an invoice's PDF is an attachment of its document. */
    DOCUMENT_ATTACHMENTS("Documents", "DocumentAttachments", List.of("ID", "Document", "FileName", "FileSize", "Url",
            "Timestamp")),
    DELETED(null, "Deleted", List.of("EntityKey", "EntityType", "DeletedDate", "Timestamp"));

    private final String service;
    private final String entity;
    private final List<String> fields;

    SyncEndpoint(String service, String entity, List<String> fields) {
        this.service = service;
        this.entity = entity;
        this.fields = fields;
    }

    public String service() {
        return service;
    }

    public String entity() {
        return entity;
    }

    public List<String> fields() {
        return fields;
    }

    /** The name progress is stored under in sync_state. */
    public String stateKey() {
        return service == null ? entity : service + "/" + entity;
    }
}
