package nl.dunwise.exact.webhook;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import nl.dunwise.exact.client.SyncEndpoint;

/**
 * The webhook topics Dunwise subscribes to, and the sync endpoints an event of each makes worth running.
 * FinancialTransactions covers new invoices, payments and their matching, all of which change the open
 * payment terms (payments are its transaction lines). SalesInvoices and Documents bring an invoice's link to
 * its printed document and the document's PDF; Exact has no topic for attachments, a new one changes its
 * document. Exact has no topic for payment terms or receivables either: FinancialTransactions stands for them.
 * A Delete of any topic is read back through sync/Deleted (see {@link PendingSync}).
 */
public enum WebhookTopic {
    ACCOUNTS("Accounts", Set.of(SyncEndpoint.ACCOUNTS)),
    CONTACTS("Contacts", Set.of(SyncEndpoint.CONTACTS)),
    FINANCIAL_TRANSACTIONS("FinancialTransactions", Set.of(SyncEndpoint.PAYMENT_TERMS, SyncEndpoint.TRANSACTION_LINES)),
    SALES_INVOICES("SalesInvoices", Set.of(SyncEndpoint.SALES_INVOICES)),
    DOCUMENTS("Documents", Set.of(SyncEndpoint.DOCUMENT_ATTACHMENTS));

    private final String exactName;
    private final Set<SyncEndpoint> endpoints;

    WebhookTopic(String exactName, Set<SyncEndpoint> endpoints) {
        this.exactName = exactName;
        this.endpoints = endpoints;
    }

    public String exactName() {
        return exactName;
    }

    public Set<SyncEndpoint> endpoints() {
        return endpoints;
    }

    /** Whether an event of this topic may bring the PDF of an invoice a planned reminder lists. */
    public boolean bringsInvoicePdfs() {
        return this == SALES_INVOICES || this == DOCUMENTS;
    }

    public static Optional<WebhookTopic> named(String exactName) {
        return Arrays.stream(values()).filter(t -> t.exactName.equalsIgnoreCase(exactName)).findFirst();
    }
}
