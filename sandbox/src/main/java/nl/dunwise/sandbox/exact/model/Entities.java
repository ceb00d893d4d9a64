package nl.dunwise.sandbox.exact.model;

import static nl.dunwise.sandbox.exact.odata.EdmType.BOOLEAN;
import static nl.dunwise.sandbox.exact.odata.EdmType.DATETIME;
import static nl.dunwise.sandbox.exact.odata.EdmType.DOUBLE;
import static nl.dunwise.sandbox.exact.odata.EdmType.GUID;
import static nl.dunwise.sandbox.exact.odata.EdmType.INT16;
import static nl.dunwise.sandbox.exact.odata.EdmType.INT32;
import static nl.dunwise.sandbox.exact.odata.EdmType.INT64;
import static nl.dunwise.sandbox.exact.odata.EdmType.STRING;

import java.util.List;

import nl.dunwise.sandbox.exact.odata.EntitySchema;
import nl.dunwise.sandbox.exact.odata.Field;

/**
 * The entity sets the sandbox serves. Sync entities start with Timestamp (their key at Exact) and list
 * the rest alphabetically, the order Exact writes them in. Field names and types follow Exact's REST
 * reference; where the sandbox adds a field beyond docs/shared/exact-online-api.md it is one Exact has
 * too (e.g. TransactionAmountDC, the original invoice amount next to the open AmountDC).
 */
public final class Entities {

    private Entities() {
    }

    /** A sync entity: its schema plus where its rows live. */
    public record SyncEntity(String path, EntitySchema schema, String table, int deletedEntityType) {
    }

    /** Date columns become midnight UTC timestamps so that one DATETIME reader serves all. */
    private static String day(String column) {
        return "(" + column + "::timestamp AT TIME ZONE 'UTC')";
    }

    public static final SyncEntity SYNC_ACCOUNTS = new SyncEntity("sync/CRM/Accounts", new EntitySchema(
            "Exact.Web.Api.Models.Sync.CRM.Account", List.of(
            Field.of("Timestamp", INT64, "row_version"),
            Field.of("AddressLine1", STRING, "address_line1"),
            Field.of("Blocked", BOOLEAN, "blocked"),
            Field.of("City", STRING, "city"),
            Field.of("Code", STRING, AccountCode.padSql("code")),
            Field.of("Country", STRING, "country"),
            Field.of("Created", DATETIME, "created"),
            Field.of("CreditLineSales", DOUBLE, "credit_line_sales"),
            Field.of("Division", INT32, "division"),
            Field.of("Email", STRING, "email"),
            Field.of("ID", GUID, "id"),
            Field.of("IsSales", BOOLEAN, "is_sales"),
            Field.of("Language", STRING, "language"),
            Field.of("Modified", DATETIME, "modified"),
            Field.of("Name", STRING, "name"),
            Field.of("PaymentConditionSales", STRING, "payment_condition_sales"),
            Field.of("Phone", STRING, "phone"),
            Field.of("Postcode", STRING, "postcode"),
            Field.of("Status", STRING, "status"))),
            "exs_account", 2);

    public static final SyncEntity SYNC_PAYMENT_TERMS = new SyncEntity("sync/Cashflow/PaymentTerms", new EntitySchema(
            "Exact.Web.Api.Models.Sync.Cashflow.PaymentTerm", List.of(
            Field.of("Timestamp", INT64, "row_version"),
            Field.of("Account", GUID, "account_id"),
            Field.of("AmountDC", DOUBLE, "amount_dc"),
            Field.of("AmountFC", DOUBLE, "amount_fc"),
            Field.of("Created", DATETIME, "created"),
            Field.of("Currency", STRING, "currency"),
            Field.of("Description", STRING, "description"),
            Field.of("Division", INT32, "division"),
            Field.of("DueDate", DATETIME, day("due_date")),
            Field.of("EntryID", GUID, "entry_id"),
            Field.of("EntryNumber", INT32, "entry_number"),
            Field.of("ID", GUID, "id"),
            Field.of("InvoiceDate", DATETIME, day("invoice_date")),
            Field.of("InvoiceNumber", INT32, "invoice_number"),
            Field.of("Journal", STRING, "journal"),
            Field.of("LastPaymentDate", DATETIME, day("last_payment_date")),
            Field.of("Modified", DATETIME, "modified"),
            Field.of("PaymentCondition", STRING, "payment_condition"),
            Field.of("PaymentDays", INT32, "payment_days"),
            Field.of("Status", INT16, "status"),
            Field.of("TransactionAmountDC", DOUBLE, "transaction_amount_dc"),
            Field.of("TransactionAmountFC", DOUBLE, "transaction_amount_fc"),
            Field.of("TransactionType", INT32, "transaction_type"),
            Field.of("YourRef", STRING, "your_ref"))),
            "exs_payment_term", 10);

    public static final SyncEntity SYNC_CONTACTS = new SyncEntity("sync/CRM/Contacts", new EntitySchema(
            "Exact.Web.Api.Models.Sync.CRM.Contact", List.of(
            Field.of("Timestamp", INT64, "row_version"),
            Field.of("Account", GUID, "account_id"),
            Field.of("Created", DATETIME, "created"),
            Field.of("Division", INT32, "division"),
            Field.of("Email", STRING, "email"),
            Field.of("FirstName", STRING, "first_name"),
            Field.of("FullName", STRING, "full_name"),
            Field.of("ID", GUID, "id"),
            Field.of("IsMainContact", BOOLEAN, "is_main_contact"),
            Field.of("LastName", STRING, "last_name"),
            Field.of("Mobile", STRING, "mobile"),
            Field.of("Modified", DATETIME, "modified"),
            Field.of("Phone", STRING, "phone"))),
            "exs_contact", 5);

    /**
     * Journal lines. The sandbox keeps only the customer's line of each entry: the sales line of every
     * invoice or credit note (Type 20/21, positive for an invoice) and the receipt line of every payment
     * (Type 40, negative: a credit on the customer). GL, VAT and bank-account lines are left out.
     */
    public static final SyncEntity SYNC_TRANSACTION_LINES = new SyncEntity("sync/Financial/TransactionLines",
            new EntitySchema("Exact.Web.Api.Models.Sync.Financial.TransactionLine", List.of(
            Field.of("Timestamp", INT64, "row_version"),
            Field.of("Account", GUID, "account_id"),
            Field.of("AmountDC", DOUBLE, "amount_dc"),
            Field.of("AmountFC", DOUBLE, "amount_fc"),
            Field.of("Created", DATETIME, "created"),
            Field.of("Currency", STRING, "currency"),
            Field.of("Date", DATETIME, day("date")),
            Field.of("Description", STRING, "description"),
            Field.of("Division", INT32, "division"),
            Field.of("DueDate", DATETIME, day("due_date")),
            Field.of("EntryID", GUID, "entry_id"),
            Field.of("EntryNumber", INT32, "entry_number"),
            Field.of("ID", GUID, "id"),
            Field.of("InvoiceNumber", INT32, "invoice_number"),
            Field.of("JournalCode", STRING, "journal_code"),
            Field.of("Modified", DATETIME, "modified"),
            Field.of("Type", INT32, "type"))),
            "exs_transaction_line", 1);

    public static final SyncEntity SYNC_DELETED = new SyncEntity("sync/Deleted", new EntitySchema(
            "Exact.Web.Api.Models.Sync.Deleted", List.of(
            Field.of("Timestamp", INT64, "row_version"),
            Field.of("DeletedBy", GUID, "deleted_by"),
            Field.of("DeletedDate", DATETIME, "deleted_date"),
            Field.of("Division", INT32, "division"),
            Field.of("EntityKey", GUID, "entity_key"),
            Field.of("EntityType", INT32, "entity_type"),
            Field.of("FullName", STRING, "full_name"),
            Field.of("ID", GUID, "id"))),
            "exs_deleted", 0);

    /**
     * Sales invoices as Exact's sync endpoint serves them: one record per invoice line, each repeating the
     * header (InvoiceID, InvoiceNumber, Document, ...); ID is the line's. The sandbox's invoices have one line.
     * Type 8020 is a sales invoice, 8021 a credit note; Status 50 is processed (printed).
     */
    public static final SyncEntity SYNC_SALES_INVOICES = new SyncEntity("sync/SalesInvoice/SalesInvoices",
            new EntitySchema("Exact.Web.Api.Models.Sync.SalesInvoice.SalesInvoice", List.of(
            Field.of("Timestamp", INT64, "row_version"),
            Field.of("AmountDC", DOUBLE, "amount_dc"),
            Field.of("AmountFC", DOUBLE, "amount_dc"),
            Field.of("Created", DATETIME, "created"),
            Field.of("Currency", STRING, "currency"),
            Field.of("Description", STRING, "description"),
            Field.of("Division", INT32, "division"),
            Field.of("Document", GUID, "document_id"),
            Field.of("DueDate", DATETIME, day("due_date")),
            Field.of("ID", GUID, "id"),
            Field.of("InvoiceDate", DATETIME, day("invoice_date")),
            Field.of("InvoiceID", GUID, "invoice_id"),
            Field.of("InvoiceNumber", INT32, "invoice_number"),
            Field.of("InvoiceTo", GUID, "account_id"),
            Field.of("Journal", STRING, "journal"),
            Field.of("LineNumber", INT32, "line_number"),
            Field.of("Modified", DATETIME, "modified"),
            Field.of("OrderDate", DATETIME, day("order_date")),
            Field.of("OrderedBy", GUID, "account_id"),
            Field.of("Status", INT16, "status"),
            Field.of("Type", INT32, "type"),
            Field.of("YourRef", STRING, "your_ref"))),
            "exs_sales_invoice", 13);

    /** Documents; type 10 is a sales invoice, linked by SalesInvoiceNumber and the entry's ID. */
    public static final SyncEntity SYNC_DOCUMENTS = new SyncEntity("sync/Documents/Documents", new EntitySchema(
            "Exact.Web.Api.Models.Sync.Documents.Document", List.of(
            Field.of("Timestamp", INT64, "row_version"),
            Field.of("Account", GUID, "account_id"),
            Field.of("Created", DATETIME, "created"),
            Field.of("Division", INT32, "division"),
            Field.of("DocumentDate", DATETIME, day("document_date")),
            Field.of("FinancialTransactionEntryID", GUID, "entry_id"),
            Field.of("ID", GUID, "id"),
            Field.of("Modified", DATETIME, "modified"),
            Field.of("SalesInvoiceNumber", INT32, "sales_invoice_number"),
            Field.of("Subject", STRING, "subject"),
            Field.of("Type", INT32, "type"))),
            "exs_document", 6);

    /**
     * The files of documents. {@code Url} is where Exact serves the file, with the bearer token; the column
     * holds the path and the resource puts the base URL the client used in front
     * ({@link #ATTACHMENT_URL_PREFIX}), so a $filter on Url sees the path only.
     */
    public static final SyncEntity SYNC_DOCUMENT_ATTACHMENTS = new SyncEntity("sync/Documents/DocumentAttachments",
            new EntitySchema("Exact.Web.Api.Models.Sync.Documents.DocumentAttachment", List.of(
            Field.of("Timestamp", INT64, "row_version"),
            Field.of("Document", GUID, "document_id"),
            Field.of("FileName", STRING, "file_name"),
            Field.of("FileSize", DOUBLE, "file_size"),
            Field.of("ID", GUID, "id"),
            Field.of("Url", STRING, "('" + "/docs/SysAttachment.aspx?ID=' || id || '&_Division_=' || division)"))),
            "exs_document_attachment", 4);

    /** The path of the attachment download, below the base URL (as {@code /api} is). */
    public static final String ATTACHMENT_URL_PREFIX = "/docs/SysAttachment.aspx";

    public static final List<SyncEntity> SYNC = List.of(SYNC_ACCOUNTS, SYNC_CONTACTS, SYNC_PAYMENT_TERMS,
            SYNC_TRANSACTION_LINES, SYNC_SALES_INVOICES, SYNC_DOCUMENTS, SYNC_DOCUMENT_ATTACHMENTS, SYNC_DELETED);

    /**
     * {@code activities/CommunicationNotes}, an ordinary (not sync) endpoint: ID first, the rest
     * alphabetically. Exact's entity has more fields (AccountName, Opportunity, Document, ...); these are
     * the ones a client writes or needs back. The type string is a best guess.
     */
    public static final EntitySchema COMMUNICATION_NOTES = new EntitySchema(
            "Exact.Web.Api.Models.Activities.CommunicationNote", List.of(
            Field.of("ID", GUID, "id"),
            Field.of("Account", GUID, "account_id"),
            Field.of("Contact", GUID, "contact_id"),
            Field.of("Created", DATETIME, "created"),
            Field.of("Creator", GUID, "creator"),
            Field.of("Division", INT32, "division"),
            Field.of("Modified", DATETIME, "modified"),
            Field.of("Notes", STRING, "notes"),
            Field.of("Subject", STRING, "subject")));

    public static final String COMMUNICATION_NOTES_PATH = "activities/CommunicationNotes";

    /** Ordinary endpoints answer 60 records a page. */
    public static final int PAGE_SIZE = 60;

    /** {@code current/Me}. */
    public static final EntitySchema ME = new EntitySchema("Exact.Web.Api.System.Me", List.of(
            Field.of("UserID", GUID),
            Field.of("CurrentDivision", INT32),
            Field.of("Email", STRING),
            Field.of("FullName", STRING),
            Field.of("LanguageCode", STRING),
            Field.of("UserName", STRING)));

    /** {@code system/Divisions} and {@code system/AllDivisions}. */
    public static final EntitySchema DIVISIONS = new EntitySchema("Exact.Web.Api.System.Division", List.of(
            Field.of("Code", INT32),
            Field.of("Country", STRING),
            Field.of("Currency", STRING),
            Field.of("Current", BOOLEAN),
            Field.of("Description", STRING),
            Field.of("HID", INT64),
            Field.of("IsMainDivision", BOOLEAN),
            Field.of("Status", INT32)));

    /** EntityType numbers of sync/Deleted, as Exact numbers them (see docs/exact-online.md for the source). */
    public static final int DELETED_TYPE_TRANSACTION_LINES = 1;
    public static final int DELETED_TYPE_ACCOUNTS = 2;
    public static final int DELETED_TYPE_CONTACTS = 5;
    public static final int DELETED_TYPE_PAYMENT_TERMS = 10;

    /** {@code webhooks/WebhookSubscriptions}: an app's subscriptions in one division. */
    public static final EntitySchema WEBHOOK_SUBSCRIPTIONS = new EntitySchema(
            "Exact.Web.Api.Models.Webhooks.WebhookSubscription", List.of(
            Field.of("ID", GUID),
            Field.of("CallbackURL", STRING),
            Field.of("ClientID", STRING),
            Field.of("Created", DATETIME),
            Field.of("Creator", GUID),
            Field.of("CreatorFullName", STRING),
            Field.of("Description", STRING),
            Field.of("Division", INT32),
            Field.of("Topic", STRING),
            Field.of("UserID", GUID)));
}
