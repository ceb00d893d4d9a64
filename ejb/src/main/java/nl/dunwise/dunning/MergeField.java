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
    TODAY("today"),
    /** Extrajudicial collection costs on the overdue principal by the country's scale (NL: WIK). */
    COLLECTION_COSTS("collection.costs"),
    /** Statutory (consumer) or commercial (business) interest on the overdue items up to today. */
    INTEREST("interest"),
    /** Overdue principal plus interest plus collection costs: what the claim comes to. */
    TOTAL_CLAIM("total.claim"),
    /** The last day to pay under the 14-day letter, counted from the day after receipt. */
    DEADLINE("deadline");

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
