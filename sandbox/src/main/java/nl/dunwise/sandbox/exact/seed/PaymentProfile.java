package nl.dunwise.sandbox.exact.seed;

import java.util.Random;

/**
 * How a debtor pays, which decides how old and how paid its open items are and how its invoices of the
 * past year were paid. The shares are rough but give a dunning run a believable mix: most items of good
 * payers are not yet due, very late payers have a long tail over 90 days; good payers paid nearly
 * everything on time, late ones mostly 20 to 60 days late.
 */
public enum PaymentProfile {
    GOOD(40, new int[] {55, 35, 8, 2, 0}, 5, 80, 100, 1, 7),
    AVERAGE(30, new int[] {35, 30, 25, 10, 0}, 10, 40, 75, 3, 25),
    LATE(20, new int[] {20, 20, 25, 20, 15}, 18, 5, 30, 20, 60),
    VERY_LATE(10, new int[] {10, 10, 15, 20, 45}, 25, 0, 10, 30, 120);

    /** Share of debtors with this profile, in percent. */
    final int weight;
    /** Percent of items in: not due, 1-30, 31-60, 61-90, over 90 days overdue. */
    private final int[] buckets;
    /** Percent of invoices that are part-paid. */
    final int partPaidPercent;
    /** Range of the percent of its paid invoices a debtor paid on time; each debtor gets its own share. */
    private final int onTimeFrom;
    private final int onTimeTo;
    /** Range of days past the due date of an invoice paid late. */
    private final int lateFrom;
    private final int lateTo;

    PaymentProfile(int weight, int[] buckets, int partPaidPercent, int onTimeFrom, int onTimeTo, int lateFrom,
                   int lateTo) {
        this.weight = weight;
        this.buckets = buckets;
        this.partPaidPercent = partPaidPercent;
        this.onTimeFrom = onTimeFrom;
        this.onTimeTo = onTimeTo;
        this.lateFrom = lateFrom;
        this.lateTo = lateTo;
    }

    /**
     * The percent of its invoices one debtor pays on time: drawn once per debtor, so that debtors of one
     * profile do not all earn the same payment-behaviour score.
     */
    int onTimePercent(Random random) {
        return onTimeFrom + random.nextInt(onTimeTo - onTimeFrom + 1);
    }

    /**
     * Days past the due date at which an invoice was (finally) paid: zero or negative is on time, up to a
     * third of the payment term early, as punctual payers pay on the due date or somewhat before it.
     */
    int daysLateWhenPaid(Random random, int onTimePercent, int paymentDays) {
        if (random.nextInt(100) < onTimePercent) {
            return -random.nextInt(paymentDays / 3 + 1);
        }
        return lateFrom + random.nextInt(lateTo - lateFrom + 1);
    }

    static PaymentProfile pick(Random random) {
        int r = random.nextInt(100);
        for (PaymentProfile p : values()) {
            if (r < p.weight) {
                return p;
            }
            r -= p.weight;
        }
        return VERY_LATE;
    }

    /**
     * Days past the due date for a new item: zero or negative means not yet due (down to
     * {@code -paymentDays}, an invoice sent today).
     */
    int daysOverdue(Random random, int paymentDays) {
        int r = random.nextInt(100);
        int bucket = 0;
        while (bucket < buckets.length - 1 && r >= buckets[bucket]) {
            r -= buckets[bucket];
            bucket++;
        }
        switch (bucket) {
            case 0: return -random.nextInt(paymentDays + 1);
            case 1: return 1 + random.nextInt(30);
            case 2: return 31 + random.nextInt(30);
            case 3: return 61 + random.nextInt(30);
            default: return 91 + random.nextInt(this == VERY_LATE ? 300 : 120);
        }
    }
}
