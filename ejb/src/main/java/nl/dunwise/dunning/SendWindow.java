package nl.dunwise.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * The hours in which reminders may go out: from {@code start} (included) to {@code end} (excluded), local time
 * in {@code zone}, on the business days of {@code calendar}. Local time, not UTC, so that the window stays at
 * 08:00 on the debtor's clock through the change to and from summer time.
 *
 * <p>The service that sends reminders builds it from MicroProfile Config: {@code dunwise.dunning.send-window.start}
 * and {@code dunwise.dunning.send-window.end} (ISO local times such as 08:00 and 18:00),
 * {@code dunwise.dunning.send-window.zone} (a region id such as Europe/Amsterdam) and the calendar of
 * {@code dunwise.exact.country}.
 */
public record SendWindow(LocalTime start, LocalTime end, ZoneId zone, BusinessCalendar calendar) {

    public SendWindow {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A send window must open before it closes: " + start + "-" + end);
        }
    }

    public boolean isOpen(Instant moment) {
        ZonedDateTime local = moment.atZone(zone);
        LocalTime time = local.toLocalTime();
        return calendar.isBusinessDay(local.toLocalDate()) && !time.isBefore(start) && time.isBefore(end);
    }

    /** {@code moment} itself when the window is open then, else the first moment it opens after it. */
    public Instant nextOpening(Instant moment) {
        if (isOpen(moment)) {
            return moment;
        }
        ZonedDateTime local = moment.atZone(zone);
        LocalDate today = local.toLocalDate();
        if (calendar.isBusinessDay(today) && local.toLocalTime().isBefore(start)) {
            return opening(today);
        }
        return opening(calendar.nextBusinessDay(today.plusDays(1)));
    }

    private Instant opening(LocalDate day) {
        LocalDateTime opens = day.atTime(start);
        ZoneOffsetTransition transition = zone.getRules().getTransition(opens);
        // An opening time that the clock skips (spring forward) is first reached when the clock jumps past it.
        return transition != null && transition.isGap() ? transition.getInstant() : opens.atZone(zone).toInstant();
    }
}
