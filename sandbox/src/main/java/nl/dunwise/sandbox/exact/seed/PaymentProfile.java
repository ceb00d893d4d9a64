package nl.dunwise.sandbox.exact.seed;

import java.util.Random;

/**
 * How a debtor pays, which decides how old and how paid its open items are. The shares are rough but
 * give a dunning run a believable mix: most items of good payers are not yet due, very late payers
 * have a long tail over 90 days.
 */
public enum PaymentProfile {
    GOOD(40, new int[] {55, 35, 8, 2, 0}, 5),
    AVERAGE(30, new int[] {35, 30, 25, 10, 0}, 10),
    LATE(20, new int[] {20, 20, 25, 20, 15}, 18),
    VERY_LATE(10, new int[] {10, 10, 15, 20, 45}, 25);

    /** Share of debtors with this profile, in percent. */
    final int weight;
    /** Percent of items in: not due, 1-30, 31-60, 61-90, over 90 days overdue. */
    private final int[] buckets;
    /** Percent of invoices that are part-paid. */
    final int partPaidPercent;

    PaymentProfile(int weight, int[] buckets, int partPaidPercent) {
        this.weight = weight;
        this.buckets = buckets;
        this.partPaidPercent = partPaidPercent;
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
