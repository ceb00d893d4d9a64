package nl.dunwise.exact.client;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** An inbound answer as a REST client would hand it over: status, headers, a text body (Exact and SMS client tests). */
public final class ScriptedResponse extends Response {

    private final int status;
    private final String body;
    private final byte[] bytes;
    private final Map<String, String> headers = new HashMap<>();

    public ScriptedResponse(int status, String body) {
        this(status, body, null);
    }

    private ScriptedResponse(int status, String body, byte[] bytes) {
        this.status = status;
        this.body = body;
        this.bytes = bytes;
    }

    /** A binary answer (a file download), read as a stream. */
    public static ScriptedResponse file(int status, byte[] bytes) {
        return new ScriptedResponse(status, null, bytes);
    }

    public ScriptedResponse header(String name, Object value) {
        headers.put(name.toLowerCase(Locale.ROOT), String.valueOf(value));
        return this;
    }

    /** The six rate-limit headers Exact sends on every answer. */
    public ScriptedResponse limits(long dailyRemaining, long minutelyRemaining, long minutelyResetMillis) {
        return header("X-RateLimit-Limit", 5000).header("X-RateLimit-Remaining", dailyRemaining)
                .header("X-RateLimit-Reset", minutelyResetMillis + 86_400_000L)
                .header("X-RateLimit-Minutely-Limit", 60).header("X-RateLimit-Minutely-Remaining", minutelyRemaining)
                .header("X-RateLimit-Minutely-Reset", minutelyResetMillis);
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public boolean hasEntity() {
        return body != null || bytes != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T readEntity(Class<T> type) {
        if (type == java.io.InputStream.class) {
            return (T) new java.io.ByteArrayInputStream(bytes != null ? bytes
                    : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return (T) (body != null ? body : new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Override
    public String getHeaderString(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() {
    }

    // Nothing below is used by ExactClient.

    @Override
    public StatusType getStatusInfo() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getEntity() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T readEntity(GenericType<T> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T readEntity(Class<T> type, Annotation[] annotations) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T readEntity(GenericType<T> type, Annotation[] annotations) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean bufferEntity() {
        throw new UnsupportedOperationException();
    }

    @Override
    public MediaType getMediaType() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Locale getLanguage() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getLength() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> getAllowedMethods() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, NewCookie> getCookies() {
        throw new UnsupportedOperationException();
    }

    @Override
    public EntityTag getEntityTag() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Date getDate() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Date getLastModified() {
        throw new UnsupportedOperationException();
    }

    @Override
    public URI getLocation() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<Link> getLinks() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean hasLink(String relation) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Link getLink(String relation) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Link.Builder getLinkBuilder(String relation) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MultivaluedMap<String, Object> getMetadata() {
        throw new UnsupportedOperationException();
    }

    @Override
    public MultivaluedMap<String, String> getStringHeaders() {
        throw new UnsupportedOperationException();
    }
}
