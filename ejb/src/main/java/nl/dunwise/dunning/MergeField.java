package nl.dunwise.dunning;

import java.util.Arrays;
import java.util.Optional;

/** The merge fields a template may use, written {{name}}. Anything else is refused when a template is saved. */
public enum MergeField {
    DEBTOR_NAME("debtor.name"),
    DEBTOR_CODE("debtor.code"),
    COMPANY_NAME("company.name"),
    INVOICE_TABLE("invoice.table"),
    TOTAL_OVERDUE("total.overdue"),
    PAYMENT_LINK("payment.link"),
    TODAY("today");

    private final String key;

    MergeField(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    static Optional<MergeField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
