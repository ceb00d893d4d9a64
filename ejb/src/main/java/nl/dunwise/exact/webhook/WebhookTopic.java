package nl.dunwise.exact.webhook;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import nl.dunwise.exact.client.SyncEndpoint;

/**
 * The webhook topics Dunwise subscribes to, and the sync endpoints an event of each makes worth running.
 * FinancialTransactions covers new invoices, payments and their matching, all of which change the open
 * payment terms (payments are its transaction lines).
 * A Delete of any topic is read back through sync/Deleted (see {@link PendingSync}).
 */
public enum WebhookTopic {
    ACCOUNTS("Accounts", Set.of(SyncEndpoint.ACCOUNTS)),
    CONTACTS("Contacts", Set.of(SyncEndpoint.CONTACTS)),
    FINANCIAL_TRANSACTIONS("FinancialTransactions", Set.of(SyncEndpoint.PAYMENT_TERMS, SyncEndpoint.TRANSACTION_LINES));

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

    public static Optional<WebhookTopic> named(String exactName) {
        return Arrays.stream(values()).filter(t -> t.exactName.equalsIgnoreCase(exactName)).findFirst();
    }
}
