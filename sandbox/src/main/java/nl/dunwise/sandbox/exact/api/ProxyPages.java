package nl.dunwise.sandbox.exact.api;

/**
 * The HTML a proxy or load balancer in front of Exact answers instead of the API's JSON: a gateway error
 * when Exact behind it fails or is too slow, or a maintenance page (with 200, as some proxies serve it).
 * Without Exact's rate-limit headers, since the proxy does not know them.
 */
final class ProxyPages {

    private ProxyPages() {
    }

    static String page(int status) {
        return switch (status) {
            case 200 -> html("Exact Online - Maintenance", "Exact Online is temporarily unavailable",
                    "We are carrying out maintenance. Please try again later.");
            case 503 -> html("503 Service Temporarily Unavailable", "503 Service Temporarily Unavailable",
                    "The server is temporarily unable to service your request.");
            case 504 -> html("504 Gateway Time-out", "504 Gateway Time-out", "The upstream server did not answer in time.");
            default -> html("502 Bad Gateway", "502 Bad Gateway", "The proxy received an invalid response from an upstream server.");
        };
    }

    private static String html(String title, String heading, String text) {
        return "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head>\n<body><center><h1>" + heading
                + "</h1></center>\n<p>" + text + "</p>\n<hr><center>proxy (simulated by the Exact sandbox)</center>\n"
                + "</body></html>\n";
    }
}
