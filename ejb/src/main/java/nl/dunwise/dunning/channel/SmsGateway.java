package nl.dunwise.dunning.channel;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import nl.dunwise.platform.RestClients;

/**
 * MessageBird's SMS API with its failures turned into plain sentences. A 5xx or a time-out is tried again
 * after a short back-off, a 429 after the {@code Retry-After} the gateway sends (capped, since the caller
 * holds a row lock); a refused key (401) or a refused message (422) is not retried. The reminder's id goes
 * along as MessageBird's {@code reference}, so that the gateway's log and its delivery reports name it.
 */
public class SmsGateway {

    private static final Logger LOG = Logger.getLogger(SmsGateway.class.getName());
    private static final int MAX_ATTEMPTS = 3;
    private static final Duration MAX_RATE_WAIT = Duration.ofSeconds(10);

    private final MessageBirdApi api;
    private final String accessKey;
    private final Sleeper sleeper;

    public SmsGateway(URI baseUri, String accessKey) {
        this(RestClients.build(MessageBirdApi.class, baseUri, Duration.ofSeconds(5), Duration.ofSeconds(20)), accessKey,
                Sleeper.THREAD);
    }

    SmsGateway(MessageBirdApi api, String accessKey, Sleeper sleeper) {
        this.api = api;
        this.accessKey = accessKey;
        this.sleeper = sleeper;
    }

    /**
     * Hands one text to the gateway.
     *
     * @param originator the sender the debtor sees: at most 11 letters and digits, or a phone number
     * @param reference  our reference of the message (the reminder id)
     */
    public SmsReceipt send(String originator, PhoneNumber to, String text, String reference) {
        String body = Json.createObjectBuilder()
                .add("originator", originator)
                .add("recipients", Json.createArrayBuilder().add(to.msisdn()))
                .add("body", text)
                .add("reference", reference)
                .build().toString();
        SmsGatewayException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Response response;
            try {
                response = api.send("AccessKey " + accessKey, body);
            } catch (ProcessingException e) {
                last = new SmsGatewayException(0, "The SMS gateway did not answer (" + rootMessage(e) + ")", e);
                backOff(attempt, Duration.ofMillis(500L << (attempt - 1)), last);
                continue;
            }
            try {
                int status = response.getStatus();
                String answer = response.hasEntity() ? response.readEntity(String.class) : "";
                if (status == 200 || status == 201) {
                    return receipt(answer);
                }
                if (status == 429) {
                    last = new SmsGatewayException(429, "The SMS gateway's rate limit was reached");
                    backOff(attempt, retryAfter(response.getHeaderString("Retry-After")), last);
                    continue;
                }
                if (status >= 500) {
                    last = new SmsGatewayException(status, "The SMS gateway is unavailable (HTTP " + status + ": "
                            + errorMessage(answer) + ")");
                    backOff(attempt, Duration.ofMillis(500L << (attempt - 1)), last);
                    continue;
                }
                if (status == 401) {
                    throw new SmsGatewayException(401, "The SMS gateway refused the API key (" + errorMessage(answer)
                            + "): check DUNWISE_SMS_API_KEY");
                }
                throw new SmsGatewayException(status, "The SMS gateway refused the message (HTTP " + status + ": "
                        + errorMessage(answer) + ")");
            } finally {
                response.close();
            }
        }
        throw last;
    }

    /** The id and the recipient's status from a 201 answer; an answer without an id is not proof of sending. */
    static SmsReceipt receipt(String text) {
        try {
            JsonObject body = read(text);
            String id = body.getString("id", null);
            if (id == null || id.isBlank()) {
                throw new SmsGatewayException(201, "The SMS gateway's answer has no message id");
            }
            String status = "sent";
            if (body.get("recipients") instanceof JsonObject recipients
                    && recipients.get("items") instanceof JsonArray items && !items.isEmpty()
                    && items.get(0) instanceof JsonObject item) {
                status = item.getString("status", status);
            }
            return new SmsReceipt(id, status);
        } catch (JsonException | ClassCastException e) {
            throw new SmsGatewayException(201, "The SMS gateway's answer is not valid JSON");
        }
    }

    /** MessageBird's error body: {@code {"errors":[{"code":9,"description":"...","parameter":"recipients"}]}}. */
    static String errorMessage(String text) {
        try {
            JsonObject body = read(text);
            if (body.get("errors") instanceof JsonArray errors && !errors.isEmpty()) {
                return errors.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                        .map(e -> e.getString("description", "error " + e.get("code"))
                                + (e.get("parameter") instanceof JsonString p ? " (" + p.getString() + ")" : ""))
                        .collect(Collectors.joining("; "));
            }
            return text;
        } catch (JsonException | ClassCastException e) {
            String plain = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
            return plain.length() > 200 ? plain.substring(0, 200) + "…" : plain;
        }
    }

    /** Retry-After in seconds (MessageBird sends none documented; a proxy in front may): else one second. */
    static Duration retryAfter(String header) {
        try {
            Duration wait = Duration.ofSeconds(Long.parseLong(header == null ? "1" : header.strip()));
            return wait.compareTo(MAX_RATE_WAIT) > 0 ? MAX_RATE_WAIT : wait.isNegative() ? Duration.ZERO : wait;
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private void backOff(int attempt, Duration wait, SmsGatewayException cause) {
        if (attempt == MAX_ATTEMPTS) {
            return;
        }
        LOG.fine(() -> "Retrying after " + cause.getMessage() + " in " + wait.toMillis() + " ms");
        sleeper.sleep(wait);
    }

    private static JsonObject read(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Waiting is a dependency so that tests count the waits instead of sitting through them. */
    public interface Sleeper {
        Sleeper THREAD = duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmsGatewayException(0, "Interrupted while waiting for the SMS gateway", e);
            }
        };

        void sleep(Duration duration);
    }
}
