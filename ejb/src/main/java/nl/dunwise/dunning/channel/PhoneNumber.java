package nl.dunwise.dunning.channel;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +31612345678}), made from what people type into Exact: spaces,
 * dashes, "+31 (0)6 ...", "0031 ..." and national numbers ("06-12345678") of the account's country.
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    /** Calling codes of the countries whose national numbers (trunk prefix 0) we can place without a "+". */
    private static final Map<String, String> CALLING_CODES = Map.of(
            "NL", "31", "BE", "32", "DE", "49", "FR", "33", "AT", "43", "GB", "44", "CH", "41");

    /**
     * Mobile ranges where the numbering plan tells them apart; other countries' numbers are taken as they
     * are and the gateway reports a landline. NL: 06 with 8 digits, not 066 (paging); BE: 04[5-9];
     * DE: 015, 016, 017; FR: 06 and 07.
     */
    private static final Map<String, Pattern> MOBILE = Map.of(
            "31", Pattern.compile("\\+316[1-57-9][0-9]{7}"),
            "32", Pattern.compile("\\+324[5-9][0-9]{7}"),
            "49", Pattern.compile("\\+491[5-7][0-9]{8,9}"),
            "33", Pattern.compile("\\+33[67][0-9]{8}"));

    public PhoneNumber {
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException(e164 + " is not an E.164 number");
        }
    }

    /**
     * The number in E.164 form, or empty when it cannot be made one: letters, too few or too many digits,
     * or a national number of a country we do not know ({@code country} is ISO 3166, may be null).
     */
    public static Optional<PhoneNumber> parse(String raw, String country) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip().replace("(0)", "").replaceAll("[\\s\\-./()\\u00a0]", "");
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        } else if (s.startsWith("0")) {
            String code = country == null ? null : CALLING_CODES.get(country.strip().toUpperCase(Locale.ROOT));
            if (code == null) {
                return Optional.empty();
            }
            s = "+" + code + s.substring(1);
        }
        if (!E164.matcher(s).matches()) {
            return Optional.empty();
        }
        if (s.startsWith("+31") && s.length() != 12) {
            // Every Dutch number has nine digits after the country code.
            return Optional.empty();
        }
        return Optional.of(new PhoneNumber(s));
    }

    /** The first of {@code candidates} (best first) that is a number that can take an SMS. */
    public static Optional<PhoneNumber> firstMobile(String country, String... candidates) {
        for (String candidate : candidates) {
            Optional<PhoneNumber> number = parse(candidate, country).filter(PhoneNumber::canReceiveSms);
            if (number.isPresent()) {
                return number;
            }
        }
        return Optional.empty();
    }

    /** False only where the numbering plan says this is no mobile number (an SMS would not arrive). */
    public boolean canReceiveSms() {
        return MOBILE.entrySet().stream()
                .filter(e -> e164.startsWith("+" + e.getKey()))
                .findFirst()
                .map(e -> e.getValue().matcher(e164).matches())
                .orElse(true);
    }

    /** The number as MessageBird's {@code recipients} take it: the digits without "+". */
    public String msisdn() {
        return e164.substring(1);
    }

    @Override
    public String toString() {
        return e164;
    }
}
