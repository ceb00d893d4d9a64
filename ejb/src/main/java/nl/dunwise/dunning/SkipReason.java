package nl.dunwise.dunning;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Why the planning run held back a debtor whose step was due, after the pause rules of the domain. The
 * order of declaration is the order in which the rules are tried: a skip names the first that applies.
 * Each constant is one named rule of the planning SQL ({@link ReminderPlanner}); its detail values are the
 * arguments of its text in ReminderText, key {@code skip.<NAME>}.
 */
public enum SkipReason {
    /**
     * The debtor's file went to a collection agency (detail: the day): the agency chases it now, so the
     * planning run sends nothing of its own, not even for invoices that fall due later.
     */
    HANDED_OVER,
    /** Every overdue item is under dispute (detail: how many). */
    ALL_ITEMS_DISPUTED,
    /** What is overdue lies in an active payment plan, where instalment reminders apply (detail: how many items). */
    IN_PAYMENT_PLAN,
    /** An open promise to pay, until its date plus the grace days (detail: promised date, grace days). */
    PROMISE_TO_PAY,
    /** A collector postponed dunning (detail: until which date). */
    POSTPONED,
    /** A collector blocked dunning for this debtor. */
    DUNNING_BLOCKED,
    /** Credit notes cover the amount due (detail: amount due, credit). */
    CREDIT_COVERS,
    /** What is due after credit stays below the minimum amount (detail: net amount, minimum). */
    BELOW_MINIMUM,
    /** The account was deleted in Exact Online. */
    DELETED_IN_EXACT,
    /**
     * The step goes by email, and the debtor's reminder address is the one a hard bounce flagged (detail: the
     * address, the day it bounced, the status code). Steps by other channels go on; the flag lifts when Exact
     * has another address or a collector clears it.
     */
    EMAIL_BOUNCED,
    /** Neither the debtor nor its division has an active scenario, so no step can be chosen. */
    NO_SCENARIO;

    /** The reason in the reader's language, with the values the planning run stored beside it. */
    public String describe(Locale locale, List<String> detailValues) {
        return new MessageFormat(ReminderText.in(locale).getString("skip." + name()), locale).format(detailValues.toArray());
    }

    /** The codes in the order the rules are tried, for the planning SQL to rank the rules that apply. */
    static String[] codesInOrder() {
        SkipReason[] all = values();
        String[] codes = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            codes[i] = all[i].name();
        }
        return codes;
    }
}
