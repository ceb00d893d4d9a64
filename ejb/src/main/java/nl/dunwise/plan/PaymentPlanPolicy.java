package nl.dunwise.plan;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The credit manager's rules for payment plans, from configuration ({@code dunwise.plan.*}): a proposal that
 * breaks none is approved at once, any other waits for a collector, with the rules it breaks as the reason.
 *
 * @param maxInstalments     at most this many instalments
 * @param minimumInstalment  each instalment at least this much (in the plan's currency)
 * @param maxMonths          the last instalment falls at most this many months after the day of the proposal
 * @param minimumScore       the debtor's payment-behaviour score (0-100) at least this
 * @param graceDays          an instalment unpaid this many days past its due date defaults the plan
 */
public record PaymentPlanPolicy(int maxInstalments, BigDecimal minimumInstalment, int maxMonths, int minimumScore,
        int graceDays) {

    public PaymentPlanPolicy {
        if (maxInstalments < 1 || maxMonths < 1 || graceDays < 0 || minimumInstalment == null
                || minimumInstalment.signum() < 0 || minimumScore < 0 || minimumScore > 100) {
            throw new IllegalArgumentException("The payment-plan policy needs at least one instalment and one month, "
                    + "no negative minimum or grace days, and a minimum score from 0 to 100 (dunwise.plan.*)");
        }
    }

    /** The rules the schedule breaks for a debtor with this score (null: not scored) on {@code today}. */
    public List<PolicyBreach> breaches(InstalmentSchedule schedule, Integer score, LocalDate today) {
        List<PolicyBreach> breaches = new ArrayList<>();
        if (schedule.size() > maxInstalments) {
            breaches.add(PolicyBreach.TOO_MANY_INSTALMENTS);
        }
        if (schedule.smallest().amount().compareTo(minimumInstalment) < 0) {
            breaches.add(PolicyBreach.INSTALMENT_TOO_SMALL);
        }
        if (schedule.last().dueDate().isAfter(today.plusMonths(maxMonths))) {
            breaches.add(PolicyBreach.LAST_INSTALMENT_TOO_LATE);
        }
        if (score == null) {
            breaches.add(PolicyBreach.NOT_SCORED);
        } else if (score < minimumScore) {
            breaches.add(PolicyBreach.SCORE_TOO_LOW);
        }
        return breaches;
    }

    /** Why a breach sends a proposal to a collector, in the reader's language, with this policy's figure. */
    public String explain(PolicyBreach breach, Locale locale) {
        Object figure = switch (breach) {
            case TOO_MANY_INSTALMENTS -> maxInstalments;
            case INSTALMENT_TOO_SMALL -> minimumInstalment;
            case LAST_INSTALMENT_TOO_LATE -> maxMonths;
            case SCORE_TOO_LOW -> minimumScore;
            case NOT_SCORED -> "";
        };
        return new MessageFormat(PlanText.in(locale).getString("breach." + breach.name()), locale).format(new Object[] {figure});
    }
}
