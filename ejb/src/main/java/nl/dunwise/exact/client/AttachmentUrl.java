package nl.dunwise.exact.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The download address of a document attachment as DocumentAttachments gives it:
 * {@code https://start.exactonline.nl/docs/SysAttachment.aspx?ID=<guid>&_Division_=<code>}. Only an address on
 * the connection's own Exact host is accepted: the download carries the bearer token, which must never go to a
 * host a record names.
 */
public record AttachmentUrl(UUID id, int division) {

    static final String PATH = "/docs/SysAttachment.aspx";

    /** Empty when {@code url} is not an attachment address below {@code exactBase}. */
    public static Optional<AttachmentUrl> parse(String url, URI exactBase) {
        URI u;
        try {
            u = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String basePath = exactBase.getPath() == null ? "" : exactBase.getPath().replaceAll("/+$", "");
        if (!exactBase.getScheme().equalsIgnoreCase(String.valueOf(u.getScheme()))
                || !exactBase.getHost().equalsIgnoreCase(String.valueOf(u.getHost()))
                || exactBase.getPort() != u.getPort()
                || u.getPath() == null || !u.getPath().equalsIgnoreCase(basePath + PATH) || u.getRawQuery() == null) {
            return Optional.empty();
        }
        String id = null;
        String division = null;
        for (String pair : u.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equalsIgnoreCase("ID")) {
                id = value;
            } else if (name.equalsIgnoreCase("_Division_")) {
                division = value;
            }
        }
        try {
            return Optional.of(new AttachmentUrl(UUID.fromString(id), Integer.parseInt(division)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
