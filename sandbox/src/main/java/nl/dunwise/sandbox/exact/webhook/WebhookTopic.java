package nl.dunwise.sandbox.exact.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The topics the sandbox accepts subscriptions for, each announced when its data changes (see the
 * triggers in the store's schema): accounts, contacts, payment terms and transaction lines (as their
 * financial transaction), sales invoices, and documents with their attachments.
 */
public enum WebhookTopic {
    ACCOUNTS("Accounts"),
    CONTACTS("Contacts"),
    FINANCIAL_TRANSACTIONS("FinancialTransactions"),
    SALES_INVOICES("SalesInvoices"),
    DOCUMENTS("Documents");

    private final String topicName;

    WebhookTopic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }

    /** Exact's names, matched without regard to case like the rest of its API. */
    public static Optional<WebhookTopic> named(String name) {
        return Arrays.stream(values()).filter(t -> t.topicName.equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }
}
