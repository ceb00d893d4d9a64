package nl.dunwise.sandbox.sms;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * One entry of MessageBird's error body {@code {"errors":[{"code":9,"description":"..","parameter":".."}]}}.
 * Codes as MessageBird documents them: 2 request not allowed (key), 9 missing parameters, 10 invalid
 * parameters, 20 not found, 21 bad request, 99 internal error.
 */
public record SmsError(int code, String description, String parameter) {

    JsonObjectBuilder json() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("code", code).add("description", description);
        return parameter == null ? b.addNull("parameter") : b.add("parameter", parameter);
    }
}
