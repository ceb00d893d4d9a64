package nl.dunwise.dunning;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import nl.dunwise.dunning.channel.Letter;
import nl.dunwise.exact.Division;
import nl.dunwise.receivable.Debtor;

/**
 * A reminder laid out as a letter for {@link nl.dunwise.dunning.channel.LetterPdf}: printed in the daily
 * letter batch, and attached as a PDF to an email reminder, so that both say the same on the same page.
 */
final class ReminderLetter {

    private ReminderLetter() {
    }

    /** The letter of {@code message} from {@code company} to {@code recipient}, dated {@code date}. */
    static Letter of(Division company, Optional<String> returnAddress, List<String> recipient, Debtor debtor,
            LocalDate date, RenderedMessage message) {
        return new Letter(company.getDescription(),
                returnAddress.map(String::strip).filter(s -> !s.isEmpty()).orElse(company.getDescription()),
                recipient, details(debtor, date), message.subject(), message.html());
    }

    /**
     * Name, street, postcode and city, and the country in capitals for post abroad (UPU), named in the
     * language of the sender's country since the sender's post office reads it first.
     */
    static Optional<List<String>> postalAddress(EntityManager em, Debtor debtor, Division company) {
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT address_line1, postcode, city, country FROM debtor WHERE id = ?")
                .setParameter(1, debtor.getId()).getSingleResult();
        String street = blankToNull((String) row[0]);
        String postcode = blankToNull((String) row[1]);
        String city = blankToNull((String) row[2]);
        String country = blankToNull((String) row[3]);
        if (street == null || city == null) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>(List.of(debtor.getName(), street,
                postcode == null ? city : postcode + "  " + city));
        String home = company.getCountry() == null ? "NL" : company.getCountry();
        if (country != null && !country.equalsIgnoreCase(home)) {
            Locale senderLanguage = Division.languageOfCountry(home);
            lines.add(new Locale("", country).getDisplayCountry(senderLanguage).toUpperCase(senderLanguage));
        }
        return Optional.of(lines);
    }

    private static Map<String, String> details(Debtor debtor, LocalDate date) {
        Locale locale = debtor.locale();
        ResourceBundle text = ReminderText.in(locale);
        Map<String, String> details = new LinkedHashMap<>();
        details.put(text.getString("letter.date"), date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
        details.put(text.getString("letter.customer"), debtor.getCode());
        return details;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
