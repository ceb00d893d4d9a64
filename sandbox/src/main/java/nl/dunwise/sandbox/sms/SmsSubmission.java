package nl.dunwise.sandbox.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The body of {@code POST /messages}, checked as MessageBird checks it; every fault is reported at once,
 * so that a client sees all of them in one 422.
 *
 * <ul>
 * <li>{@code originator}: a phone number of at most 16 digits, or at most 11 letters, digits and spaces
 *     (what a handset can show as a sender name).</li>
 * <li>{@code recipients}: an array (or a comma-separated string) of MSISDNs: E.164 digits with or without
 *     "+", 8 to 15 of them; Dutch numbers (31...) have nine digits after the country code.</li>
 * <li>{@code body}: not empty, at most 9 message parts: 1377 characters in the GSM 7-bit alphabet (its
 *     extension characters count twice), 603 when any other character makes it Unicode.</li>
 * <li>{@code reference}: optional, the client's own reference, kept and answered.</li>
 * </ul>
 */
public record SmsSubmission(String originator, List<String> recipients, String body, String reference,
                            boolean unicode, int parts) {

    static final int MAX_PARTS = 9;

    private static final Pattern NUMERIC_SENDER = Pattern.compile("\\+?[0-9]{1,16}");
    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("[A-Za-z0-9 ]{1,11}");
    private static final Pattern MSISDN = Pattern.compile("[1-9][0-9]{7,14}");

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    public static SmsSubmission parse(JsonObject o) {
        List<SmsError> errors = new ArrayList<>();
        String originator = string(o, "originator");
        if (originator == null || originator.isBlank()) {
            errors.add(new SmsError(9, "originator is missing", "originator"));
        } else if (!NUMERIC_SENDER.matcher(originator).matches() && !ALPHANUMERIC_SENDER.matcher(originator).matches()) {
            errors.add(new SmsError(10, "originator must be a phone number or at most 11 letters and digits", "originator"));
        }
        List<String> recipients = recipients(o.get("recipients"), errors);
        String body = string(o, "body");
        boolean unicode = false;
        int parts = 0;
        if (body == null || body.isEmpty()) {
            errors.add(new SmsError(9, "body is missing", "body"));
        } else {
            unicode = !isGsm(body);
            parts = parts(body, unicode);
            if (parts > MAX_PARTS) {
                errors.add(new SmsError(10, "body is longer than " + MAX_PARTS + " message parts", "body"));
            }
        }
        JsonValue ref = o.get("reference");
        String reference = null;
        if (ref instanceof JsonString s) {
            reference = s.getString();
        } else if (ref instanceof JsonNumber n) {
            reference = n.toString();
        } else if (ref != null && ref != JsonValue.NULL) {
            errors.add(new SmsError(10, "reference must be a string", "reference"));
        }
        if (!errors.isEmpty()) {
            throw new SmsRefused(422, errors);
        }
        return new SmsSubmission(originator, recipients, body, reference, unicode, parts);
    }

    private static List<String> recipients(JsonValue value, List<SmsError> errors) {
        List<String> raw = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue v : array) {
                raw.add(v instanceof JsonString s ? s.getString() : v.toString());
            }
        } else if (value instanceof JsonString s) {
            for (String part : s.getString().split(",")) {
                raw.add(part);
            }
        } else if (value instanceof JsonNumber n) {
            raw.add(n.toString());
        }
        List<String> msisdns = new ArrayList<>();
        for (String r : raw) {
            String digits = r.strip().startsWith("+") ? r.strip().substring(1) : r.strip();
            if (!MSISDN.matcher(digits).matches() || digits.startsWith("31") && digits.length() != 11) {
                errors.add(new SmsError(9, "no (correct) recipients found", "recipients"));
                return List.of();
            }
            msisdns.add(digits);
        }
        if (msisdns.isEmpty()) {
            errors.add(new SmsError(9, "no (correct) recipients found", "recipients"));
        }
        return msisdns;
    }

    static boolean isGsm(String body) {
        return body.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    /** Parts as a handset counts them: one of 160 (70 Unicode), else parts of 153 (67) with the joining header. */
    static int parts(String body, boolean unicode) {
        int length = unicode ? body.codePointCount(0, body.length())
                : body.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
        int single = unicode ? 70 : 160;
        int multi = unicode ? 67 : 153;
        return length <= single ? 1 : (length + multi - 1) / multi;
    }

    private static String string(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
