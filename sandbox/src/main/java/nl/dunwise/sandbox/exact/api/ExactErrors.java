package nl.dunwise.sandbox.exact.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Exact's error body, {@code {"error": {"code": "", "message": {"lang": "", "value": "text"}}}}. */
public final class ExactErrors {

    public static final String JSON = MediaType.APPLICATION_JSON + ";charset=utf-8";

    private ExactErrors() {
    }

    public static String body(String message) {
        return Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                .add("code", "")
                .add("message", Json.createObjectBuilder().add("lang", "").add("value", message)))
                .build().toString();
    }

    public static Response response(int status, String message) {
        // Through the enum where possible, so the status line carries a reason ("429 Too Many Requests").
        Response.Status known = Response.Status.fromStatusCode(status);
        Response.ResponseBuilder b = known != null ? Response.status(known) : Response.status(status);
        return b.entity(body(message)).type(JSON).build();
    }

    /** A default text per status, for errors raised by the container rather than by us. */
    public static String defaultMessage(int status) {
        switch (status) {
            case 400: return "Bad request.";
            case 401: return "Unauthorized.";
            case 403: return "Forbidden.";
            case 404: return "The requested resource was not found.";
            case 405: return "The HTTP method is not allowed for this resource.";
            case 406: return "Not acceptable.";
            case 415: return "Unsupported media type.";
            case 429: return "Too many requests.";
            default: return status >= 500 ? "An internal server error occurred." : "Request failed.";
        }
    }
}
