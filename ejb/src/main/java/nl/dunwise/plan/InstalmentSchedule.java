package nl.dunwise.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.dunwise.money.Money;

/**
 * When the debtor pays what: instalments numbered from 1, each due after the one before, each more than zero,
 * all in one currency. Either equal instalments on the same day of each month, or the ones agreed one by one.
 */
public final class InstalmentSchedule {

    /** More than this is no plan but a loan: refused outright, whatever the policy says. */
    static final int MOST_INSTALMENTS = 60;

    /** One instalment as agreed, before it is numbered. */
    public record Part(LocalDate dueDate, BigDecimal amount) {
    }

    public record Scheduled(int number, LocalDate dueDate, Money amount) {
    }

    private final List<Scheduled> instalments;

    private InstalmentSchedule(List<Scheduled> instalments) {
        this.instalments = List.copyOf(instalments);
    }

    /**
     * {@code count} equal instalments of {@code total}, monthly from {@code first} (a day the month lacks falls
     * on its last day); each rounded down to the cent, the cents left over go into the last.
     */
    public static InstalmentSchedule equal(Money total, int count, LocalDate first) {
        requireCount(count);
        if (first == null) {
            throw new PlanRefused("firstDateMissing");
        }
        BigDecimal cents = BigDecimal.ONE.movePointLeft(total.currency().getDefaultFractionDigits());
        if (total.amount().compareTo(cents.multiply(BigDecimal.valueOf(count))) < 0) {
            throw new PlanRefused("tooSmall", total.toString(), count);
        }
        BigDecimal each = total.amount().divide(BigDecimal.valueOf(count), total.currency().getDefaultFractionDigits(),
                RoundingMode.DOWN);
        BigDecimal last = total.amount().subtract(each.multiply(BigDecimal.valueOf(count - 1L)));
        List<Scheduled> instalments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            instalments.add(new Scheduled(i + 1, first.plusMonths(i),
                    new Money(i == count - 1 ? last : each, total.currency())));
        }
        return new InstalmentSchedule(instalments);
    }

    /** The instalments as agreed, in the currency of the invoices; refused when out of order or not positive. */
    public static InstalmentSchedule explicit(List<Part> parts, String currency) {
        requireCount(parts == null ? 0 : parts.size());
        List<Scheduled> instalments = new ArrayList<>();
        LocalDate previous = null;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part.dueDate() == null || part.amount() == null) {
                throw new PlanRefused("partIncomplete", i + 1);
            }
            if (part.amount().signum() <= 0) {
                throw new PlanRefused("amountNotPositive", i + 1);
            }
            if (previous != null && !part.dueDate().isAfter(previous)) {
                throw new PlanRefused("datesOrder", i + 1);
            }
            previous = part.dueDate();
            instalments.add(new Scheduled(i + 1, part.dueDate(), Money.of(part.amount(), currency)));
        }
        return new InstalmentSchedule(instalments);
    }

    private static void requireCount(int count) {
        if (count < 1 || count > MOST_INSTALMENTS) {
            throw new PlanRefused("count", MOST_INSTALMENTS);
        }
    }

    /** Refuses a schedule that starts before {@code today} or does not add up to {@code open}. */
    void requireFits(Money open, LocalDate today) {
        if (first().dueDate().isBefore(today)) {
            throw new PlanRefused("firstDateInPast", today.toString());
        }
        Money total = total();
        if (!total.currency().equals(open.currency()) || total.amount().compareTo(open.amount()) != 0) {
            throw new PlanRefused("totalMismatch", total.toString(), open.toString());
        }
    }

    public List<Scheduled> instalments() {
        return instalments;
    }

    public int size() {
        return instalments.size();
    }

    public Scheduled first() {
        return instalments.get(0);
    }

    public Scheduled last() {
        return instalments.get(instalments.size() - 1);
    }

    public Money smallest() {
        return instalments.stream().map(Scheduled::amount).min(Comparator.comparing(Money::amount)).orElseThrow();
    }

    public Money total() {
        return instalments.stream().map(Scheduled::amount).reduce(Money::plus).orElseThrow();
    }
}
