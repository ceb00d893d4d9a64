package nl.dunwise.dunning;

import java.time.LocalDate;

/**
 * The deadline of the 14-day letter (art. 6:96 lid 6 BW): a consumer owes collection costs only after a written
 * reminder that gives 14 days, counted from the day after receipt, to pay. A deadline one day short costs the
 * creditor all collection costs, so every doubt is resolved towards the later day.
 *
 * <p>Receipt: an email counts as received the day after it is sent; a letter on the second letter-delivery day
 * after posting (no Sundays, no Mondays, no public holidays: see {@link BusinessCalendar#isLetterDeliveryDay}).
 * Good Friday counts as a holiday there too although the post may deliver: it can only move receipt later.
 * When the fourteenth day is a Saturday, Sunday or public holiday, the Algemene termijnenwet (art. 1) extends
 * the term to the next business day.
 */
public final class FourteenDayLetter {

    private static final int TERM_DAYS = 14;
    private static final int DELIVERY_DAYS_UNTIL_RECEIPT = 2;

    private final BusinessCalendar calendar;

    public FourteenDayLetter(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The day the debtor is deemed to have received a reminder sent on {@code sentOn}.
     *
     * @throws IllegalArgumentException for a channel that is not written (only a letter or an email is)
     */
    public LocalDate receivedOn(LocalDate sentOn, Channel channel) {
        return switch (channel) {
            case EMAIL -> sentOn.plusDays(1);
            case LETTER -> {
                LocalDate day = sentOn;
                int deliveryDays = 0;
                while (deliveryDays < DELIVERY_DAYS_UNTIL_RECEIPT) {
                    day = day.plusDays(1);
                    if (calendar.isLetterDeliveryDay(day)) {
                        deliveryDays++;
                    }
                }
                yield day;
            }
            default -> throw new IllegalArgumentException("A 14-day letter must be written; " + channel + " is not");
        };
    }

    /** The last day on which the debtor can pay without collection costs. */
    public LocalDate deadline(LocalDate sentOn, Channel channel) {
        return calendar.nextBusinessDay(receivedOn(sentOn, channel).plusDays(TERM_DAYS));
    }
}
