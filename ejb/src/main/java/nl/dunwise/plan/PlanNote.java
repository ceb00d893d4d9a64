package nl.dunwise.plan;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import nl.dunwise.money.Money;

/**
 * The note each event of a plan leaves on the debtor's account in Exact, so that people working in Exact see
 * that the invoices are in a plan, and how it ended: in the language of the division's country, as the
 * reminders' notes are.
 */
record PlanNote(String subject, String notes) {

    enum Event { PROPOSED, APPROVED, REJECTED, DEFAULTED, COMPLETED }

    /** The key that makes it one note per event: "plan:12:approved". */
    static String source(long planId, Event event) {
        return "plan:" + planId + ":" + event.name().toLowerCase(Locale.ROOT);
    }

    static PlanNote proposed(PaymentPlan plan, List<String> invoiceNumbers, PaymentPlanPolicy policy, Locale locale) {
        ResourceBundle text = PlanText.in(locale);
        String reasons = plan.getReviewReasons().stream().map(b -> policy.explain(b, locale))
                .collect(Collectors.joining("; "));
        return new PlanNote(format(text, "note.proposed.subject", locale, String.valueOf(plan.getId())),
                format(text, "note.proposed", locale, plan.getProposedBy(), invoices(invoiceNumbers), reasons)
                        + "\n\n" + schedule(plan, locale));
    }

    static PlanNote approved(PaymentPlan plan, List<String> invoiceNumbers, Locale locale) {
        ResourceBundle text = PlanText.in(locale);
        String by = plan.getReviewReasons().isEmpty() && plan.getDecidedBy().equals(plan.getProposedBy())
                ? format(text, "note.approvedAtOnce", locale, plan.getProposedBy())
                : format(text, "note.approvedBy", locale, plan.getDecidedBy());
        return new PlanNote(format(text, "note.approved.subject", locale, String.valueOf(plan.getId())),
                by + " " + format(text, "note.approved", locale, invoices(invoiceNumbers))
                        + "\n\n" + schedule(plan, locale));
    }

    static PlanNote rejected(PaymentPlan plan, Locale locale) {
        ResourceBundle text = PlanText.in(locale);
        return new PlanNote(format(text, "note.rejected.subject", locale, String.valueOf(plan.getId())),
                format(text, "note.rejected", locale, plan.getDecidedBy(), plan.getRejectionReason()));
    }

    static PlanNote defaulted(PaymentPlan plan, int graceDays, Locale locale) {
        ResourceBundle text = PlanText.in(locale);
        Instalment missed = plan.getInstalments().stream().filter(i -> i.getStatus() == InstalmentStatus.MISSED)
                .findFirst().orElseThrow();
        return new PlanNote(format(text, "note.defaulted.subject", locale, String.valueOf(plan.getId())),
                format(text, "note.defaulted", locale, missed.getSequenceNumber(), missed.getAmount().format(locale),
                        date(missed, locale), graceDays, plan.getTotal().minus(paid(plan)).format(locale))
                        + "\n\n" + schedule(plan, locale));
    }

    static PlanNote completed(PaymentPlan plan, Locale locale) {
        ResourceBundle text = PlanText.in(locale);
        Money paid = paid(plan);
        // Closed in Exact another way (a credit note, a payment not linked to the invoices): say so, not "paid".
        String key = paid.amount().compareTo(plan.getTotal().amount()) < 0 ? "note.settled" : "note.completed";
        return new PlanNote(format(text, "note.completed.subject", locale, String.valueOf(plan.getId())),
                format(text, key, locale, plan.getInstalments().size(), paid.format(locale)));
    }

    static Money paid(PaymentPlan plan) {
        return plan.getInstalments().stream().map(Instalment::getPaid).reduce(Money.zero(plan.getCurrency()), Money::plus);
    }

    /** One line per instalment: "2. 15 February 2027: € 33,33 (paid € 10,00)". */
    private static String schedule(PaymentPlan plan, Locale locale) {
        ResourceBundle text = PlanText.in(locale);
        return plan.getInstalments().stream()
                .map(i -> format(text, "note.instalment", locale, i.getSequenceNumber(), date(i, locale),
                        i.getAmount().format(locale), i.getPaid().format(locale), text.getString("instalment." + i.getStatus())))
                .collect(Collectors.joining("\n"))
                + "\n" + format(text, "note.total", locale, plan.getTotal().format(locale));
    }

    private static String date(Instalment instalment, Locale locale) {
        return instalment.getDueDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    private static String invoices(List<String> invoiceNumbers) {
        return String.join(", ", invoiceNumbers);
    }

    private static String format(ResourceBundle text, String key, Locale locale, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
