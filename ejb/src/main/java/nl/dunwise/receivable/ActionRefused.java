package nl.dunwise.receivable;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A collector's action on a debtor's file that a rule refuses (a date in the past, a second open dispute on
 * an invoice, a negative credit limit). It reaches the caller unwrapped and rolls back, so the page shows the
 * rule's sentence (key {@code refused.<REFUSAL>}) and nothing of the action is stored or queued for Exact.
 */
@ApplicationException(rollback = true)
public class ActionRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The rules; each has a sentence in the cockpit's messages. */
    public enum Refusal {
        NO_SUCH_DEBTOR, INVOICE_NOT_OPEN, ALREADY_DISPUTED, DISPUTE_NOT_OPEN, RESOLUTION_REQUIRED, NOTE_REQUIRED,
        REASON_REQUIRED, DATE_NOT_IN_FUTURE, DATE_IN_PAST, AMOUNT_NOT_POSITIVE, CURRENCY_NOT_OF_DIVISION,
        PROMISE_ALREADY_OPEN, PROMISE_NOT_OPEN, ALREADY_BLOCKED, NOT_BLOCKED, ALREADY_ON_HOLD, NOT_ON_HOLD,
        CREDIT_LINE_NEGATIVE
    }

    private final Refusal refusal;
    private final transient List<Object> arguments;

    public ActionRefused(Refusal refusal, Object... arguments) {
        super(refusal + " " + Arrays.toString(arguments));
        this.refusal = refusal;
        this.arguments = Collections.unmodifiableList(Arrays.asList(arguments));
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The values the sentence names, in its order. */
    public Object[] arguments() {
        return arguments.toArray();
    }
}
