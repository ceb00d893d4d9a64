package nl.dunwise.dunning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FourteenDayLetterTest {

    private final FourteenDayLetter letter = new FourteenDayLetter(BusinessCalendar.of("NL"));

    @ParameterizedTest(name = "{0} sent {1}: received {2}, pay by {3}")
    @CsvSource({
        // Thursday: Friday, Saturday are the two delivery days; day 14 is Saturday 5 Dec, moved to Monday
        "LETTER, 2026-11-19, 2026-11-21, 2026-12-07",
        // Friday: Saturday, then no Sunday or Monday delivery, so Tuesday
        "LETTER, 2026-11-20, 2026-11-24, 2026-12-08",
        "LETTER, 2026-11-24, 2026-11-26, 2026-12-10",
        // Maundy Thursday: Good Friday, Easter Sunday and Easter Monday deliver nothing
        "LETTER, 2026-04-02, 2026-04-07, 2026-04-21",
        // 23 December: Christmas Eve, then nothing until Tuesday 29 December
        "LETTER, 2026-12-23, 2026-12-29, 2027-01-12",
        // an email is received the next day; day 14 is Good Friday, Easter follows: Tuesday
        "EMAIL, 2026-03-19, 2026-03-20, 2026-04-07",
        // day 14 is New Year's Day 2027, a Friday: the term runs to Monday 4 January
        "EMAIL, 2026-12-17, 2026-12-18, 2027-01-04",
        // day 14 is King's Day, Monday 27 April 2026
        "EMAIL, 2026-04-12, 2026-04-13, 2026-04-28",
        "EMAIL, 2026-11-24, 2026-11-25, 2026-12-09"
    })
    void theTermRunsFourteenDaysFromTheDayAfterReceipt(Channel channel, LocalDate sentOn, LocalDate received,
            LocalDate deadline) {
        assertEquals(received, letter.receivedOn(sentOn, channel));
        assertEquals(deadline, letter.deadline(sentOn, channel));
    }

    @Test
    void onlyAWrittenReminderCanBeTheFourteenDayLetter() {
        assertThrows(IllegalArgumentException.class, () -> letter.deadline(LocalDate.of(2026, 11, 24), Channel.SMS));
        assertThrows(IllegalArgumentException.class,
                () -> letter.deadline(LocalDate.of(2026, 11, 24), Channel.CALL_TASK));
    }

    @Test
    void aCountryWithoutKnownDeliveryDaysCannotDateALetter() {
        FourteenDayLetter belgian = new FourteenDayLetter(BusinessCalendar.of("BE"));
        assertThrows(IllegalStateException.class, () -> belgian.deadline(LocalDate.of(2026, 11, 24), Channel.LETTER));
    }
}
