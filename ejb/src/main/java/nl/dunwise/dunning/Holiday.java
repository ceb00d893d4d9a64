package nl.dunwise.dunning;

import java.time.LocalDate;

/** A public holiday on a date; {@code name} is the key of its rule in business-calendar.properties. */
public record Holiday(LocalDate date, String name) {
}
