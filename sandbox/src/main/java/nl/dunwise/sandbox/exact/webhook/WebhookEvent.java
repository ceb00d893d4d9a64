package nl.dunwise.sandbox.exact.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.json.Json;

/**
 * One change as a webhook announces it: what changed and where to read it, never the data itself.
 *
 * @param endpoint the full URL of the record, e.g. {@code <base>/api/v1/<division>/crm/Accounts(guid'<key>')}
 */
public record WebhookEvent(String topic, String clientId, int division, String action, UUID key, String endpoint,
                           Instant createdOn) {

    /** The {@code Content} object as compact JSON, its members in Exact's order. */
    public String contentJson() {
        return Json.createObjectBuilder()
                .add("Topic", topic)
                .add("ClientId", clientId)
                .add("Division", division)
                .add("Action", action)
                .add("Key", key.toString())
                .add("ExactOnlineEndpoint", endpoint)
                .add("EventCreatedOn", createdOn.toString())
                .build().toString();
    }

    public static String endpoint(String exactBase, int division, String path, UUID key) {
        return exactBase + "/api/v1/" + division + "/" + path + "(guid'" + key + "')";
    }
}
