package nl.dunwise.dunning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The business days of one country: not a weekend day and not a public holiday. The holidays are rules read from
 * business-calendar.properties, so that a country or a newly equated day is added as data; the rules are checked
 * when the file is loaded.
 */
public final class BusinessCalendar {

    private static final Pattern EASTER = Pattern.compile("easter([+-]\\d+)");
    private static final Pattern FIXED = Pattern.compile("\\d{2}-\\d{2}");
    private static final Map<String, BusinessCalendar> STANDARD = load();

    private final String country;
    private final Set<DayOfWeek> weekend;
    private final Set<DayOfWeek> letterDelivery;
    private final Map<String, HolidayRule> holidays;

    /** One holiday's dates in a year: usually one, none when it does not fall in that year. */
    private interface HolidayRule {
        List<LocalDate> in(int year);
    }

    BusinessCalendar(String country, Set<DayOfWeek> weekend, Set<DayOfWeek> letterDelivery,
            Map<String, HolidayRule> holidays) {
        this.country = country;
        this.weekend = Set.copyOf(weekend);
        this.letterDelivery = Set.copyOf(letterDelivery);
        this.holidays = Map.copyOf(holidays);
    }

    /** The calendar of {@code country} (ISO 3166 code) from business-calendar.properties. */
    public static BusinessCalendar of(String country) {
        BusinessCalendar calendar = STANDARD.get(country.toUpperCase(Locale.ROOT));
        if (calendar == null) {
            throw new IllegalArgumentException("No business calendar for " + country);
        }
        return calendar;
    }

    private static Map<String, BusinessCalendar> load() {
        Properties p = new Properties();
        try (InputStream in = BusinessCalendar.class.getResourceAsStream("business-calendar.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(p);
    }

    static Map<String, BusinessCalendar> parse(Properties p) {
        Map<String, Set<DayOfWeek>> weekends = new HashMap<>();
        Map<String, Set<DayOfWeek>> letterDeliveries = new HashMap<>();
        Map<String, Map<String, HolidayRule>> rules = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            String[] parts = key.split("\\.", 3);
            String value = p.getProperty(key).trim();
            try {
                if (parts.length == 2 && parts[1].equals("weekend")) {
                    Set<DayOfWeek> days = daysOfWeek(value);
                    if (days.size() == DayOfWeek.values().length) {
                        throw new IllegalStateException(
                                "business-calendar.properties: " + key + " leaves no business day");
                    }
                    weekends.put(parts[0], days);
                } else if (parts.length == 2 && parts[1].equals("letter-delivery")) {
                    letterDeliveries.put(parts[0], daysOfWeek(value));
                } else if (parts.length == 3 && parts[1].equals("holiday")) {
                    rules.computeIfAbsent(parts[0], c -> new LinkedHashMap<>()).put(parts[2], rule(value));
                } else {
                    throw new IllegalStateException("business-calendar.properties: unknown key " + key);
                }
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new IllegalStateException("business-calendar.properties: cannot read " + key + "=" + value, e);
            }
        }
        Map<String, BusinessCalendar> calendars = new HashMap<>();
        for (String country : rules.keySet()) {
            if (!weekends.containsKey(country)) {
                throw new IllegalStateException("business-calendar.properties lacks " + country + ".weekend");
            }
        }
        weekends.forEach((country, days) -> calendars.put(country, new BusinessCalendar(country, days,
                letterDeliveries.getOrDefault(country, Set.of()), rules.getOrDefault(country, Map.of()))));
        return calendars;
    }

    private static Set<DayOfWeek> daysOfWeek(String value) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : value.split(",")) {
            if (!day.isBlank()) {
                days.add(DayOfWeek.valueOf(day.trim()));
            }
        }
        return days;
    }

    private static HolidayRule rule(String value) {
        Matcher easter = EASTER.matcher(value);
        if (easter.matches()) {
            int offset = Integer.parseInt(easter.group(1));
            return year -> List.of(easterSunday(year).plusDays(offset));
        }
        if (FIXED.matcher(value).matches()) {
            MonthDay day = MonthDay.parse("--" + value);
            return year -> day.isValidYear(year) ? List.of(day.atYear(year)) : List.of();
        }
        if (value.equals("kings-day")) {
            return BusinessCalendar::kingsDay;
        }
        List<LocalDate> days = Arrays.stream(value.split(",")).map(String::trim).map(LocalDate::parse).toList();
        return year -> days.stream().filter(d -> d.getYear() == year).toList();
    }

    /**
     * Koningsdag: 27 April, the King's birthday, celebrated on Saturday the 26th when the 27th is a Sunday
     * (the rule since 2014; before, Koninginnedag fell on 30 April).
     */
    private static List<LocalDate> kingsDay(int year) {
        LocalDate birthday = LocalDate.of(year, Month.APRIL, 27);
        return List.of(birthday.getDayOfWeek() == DayOfWeek.SUNDAY ? birthday.minusDays(1) : birthday);
    }

    /** Easter Sunday of the Gregorian calendar, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int monthAndDay = h + l - 7 * m + 114;
        return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
    }

    public String country() {
        return country;
    }

    /** The public holidays of {@code year} in date order; two rules on one day give two entries. */
    public List<Holiday> holidays(int year) {
        List<Holiday> result = new ArrayList<>();
        holidays.forEach((name, rule) -> rule.in(year).forEach(day -> result.add(new Holiday(day, name))));
        result.sort(Comparator.comparing(Holiday::date).thenComparing(Holiday::name));
        return result;
    }

    public boolean isHoliday(LocalDate day) {
        return holidays.values().stream().anyMatch(rule -> rule.in(day.getYear()).contains(day));
    }

    public boolean isBusinessDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !isHoliday(day);
    }

    /**
     * Whether the post delivers letters on {@code day}: one of the country's letter-delivery days of the week
     * and not a public holiday.
     *
     * @throws IllegalStateException when the calendar does not know the country's delivery days
     */
    public boolean isLetterDeliveryDay(LocalDate day) {
        if (letterDelivery.isEmpty()) {
            throw new IllegalStateException("business-calendar.properties has no " + country + ".letter-delivery");
        }
        return letterDelivery.contains(day.getDayOfWeek()) && !isHoliday(day);
    }

    /** {@code onOrAfter} itself when it is a business day, else the first business day after it. */
    public LocalDate nextBusinessDay(LocalDate onOrAfter) {
        LocalDate day = onOrAfter;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
