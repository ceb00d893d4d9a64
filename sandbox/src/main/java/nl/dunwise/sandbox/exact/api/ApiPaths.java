package nl.dunwise.sandbox.exact.api;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Path helpers for {@code /api/v1}. Exact's URLs are not case-sensitive ({@code crm/Accounts} and
 * {@code CRM/Accounts} both work and both spellings are in use by clients), while JAX-RS matching is;
 * so known paths are rewritten to one spelling before matching.
 */
final class ApiPaths {

    static final String CURRENT = "current";

    private static final Map<String, String> TAILS = Stream.of(
            "system/Divisions", "system/AllDivisions",
            "sync/CRM/Accounts", "sync/CRM/Contacts", "sync/Cashflow/PaymentTerms",
            "sync/Financial/TransactionLines", "sync/SalesInvoice/SalesInvoices", "sync/Documents/Documents",
            "sync/Documents/DocumentAttachments", "sync/Deleted", "activities/CommunicationNotes", "crm/Accounts",
            "webhooks/WebhookSubscriptions")
            .collect(Collectors.toMap(s -> s.toLowerCase(Locale.ROOT), Function.identity()));

    private ApiPaths() {
    }

    /** The path relative to {@code /api}, without leading slash. */
    static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    static boolean isV1(String path) {
        String p = relative(path);
        return p.equals("v1") || p.startsWith("v1/");
    }

    /** The canonical spelling of a known v1 path, or the path unchanged. */
    static String canonical(String path) {
        String p = relative(path);
        String[] seg = p.split("/", 3);
        if (seg.length < 3 || !seg[0].equals("v1")) {
            return p;
        }
        if (seg[1].equalsIgnoreCase(CURRENT) && seg[2].equalsIgnoreCase("Me")) {
            return "v1/current/Me";
        }
        // A record's key, as in crm/Accounts(guid'..'), keeps its spelling; only the entity set is normalised.
        int key = seg[2].indexOf('(');
        String set = key < 0 ? seg[2] : seg[2].substring(0, key);
        String tail = TAILS.get(set.toLowerCase(Locale.ROOT));
        return tail == null ? p : "v1/" + seg[1] + "/" + tail + (key < 0 ? "" : seg[2].substring(key));
    }

    /**
     * The endpoint of a canonical v1 path as Exact counts errors: without {@code v1}, the division and a
     * record's key, so {@code v1/3124567/crm/Accounts(guid'..')} is {@code crm/Accounts}.
     */
    static String endpoint(String canonical) {
        String[] seg = relative(canonical).split("/", 3);
        if (seg.length < 3) {
            return relative(canonical);
        }
        int key = seg[2].indexOf('(');
        return seg[1].equalsIgnoreCase(CURRENT) ? CURRENT + "/" + seg[2] : key < 0 ? seg[2] : seg[2].substring(0, key);
    }

    /**
     * The division a call is about: the number in the path, the caller's current division for
     * {@code current/..}, or -1 when the path names none (the call still counts, against key -1).
     */
    static int division(String path, int currentDivision) {
        String[] seg = relative(path).split("/", 3);
        if (seg.length < 2) {
            return -1;
        }
        if (seg[1].equalsIgnoreCase(CURRENT)) {
            return currentDivision;
        }
        try {
            return Integer.parseInt(seg[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
