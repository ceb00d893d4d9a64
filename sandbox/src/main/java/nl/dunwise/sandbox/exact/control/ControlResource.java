package nl.dunwise.sandbox.exact.control;

import java.io.StringReader;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import nl.dunwise.sandbox.exact.SandboxSettings;
import nl.dunwise.sandbox.exact.oauth.TokenStore;
import nl.dunwise.sandbox.exact.ratelimit.ErrorLimiter;
import nl.dunwise.sandbox.exact.ratelimit.RateLimiter;
import nl.dunwise.sandbox.exact.store.Deletions;
import nl.dunwise.sandbox.exact.store.ExactStore;
import nl.dunwise.sandbox.exact.webhook.WebhookStore;
import nl.dunwise.sandbox.exact.webhook.WebhookSwitches;

/** {@code /api/sandbox/status}, {@code /api/sandbox/faults} and {@code /api/sandbox/webhooks}; see the package description. */
@Path("sandbox")
@LocalOnly
@RequestScoped
public class ControlResource {

    private static final String JSON = MediaType.APPLICATION_JSON + ";charset=utf-8";

    @Inject
    ExactStore store;

    @Inject
    TokenStore tokens;

    @Inject
    FaultSwitches faults;

    @Inject
    RateLimiter limiter;

    @Inject
    ErrorLimiter errorLimiter;

    @Inject
    SandboxSettings settings;

    @Inject
    Deletions deletions;

    @Inject
    WebhookStore webhooks;

    @Inject
    WebhookSwitches webhookSwitches;

    @GET
    @Path("status")
    public Response status() {
        var list = Json.createArrayBuilder();
        for (ExactStore.DivisionRow d : store.divisions()) {
            list.add(Json.createObjectBuilder().add("code", d.code()).add("description", d.description())
                    .add("currency", d.currency()).add("country", d.country()).add("seed", d.seed())
                    .add("generatedOn", d.generatedOn().toString()));
        }
        JsonObjectBuilder counts = Json.createObjectBuilder();
        for (Map.Entry<String, Object> e : store.counts().entrySet()) {
            counts.add(e.getKey(), ((Number) e.getValue()).longValue());
        }
        JsonObject body = Json.createObjectBuilder()
                .add("divisions", list)
                .add("division", store.divisions().isEmpty() ? 0 : store.divisions().get(0).code())
                .add("counts", counts)
                .add("faults", pending())
                .add("errorBlocks", errorBlocks())
                .add("calls", Json.createObjectBuilder()
                        .add("allowed", limiter.totals().allowed())
                        .add("refused", limiter.totals().refused()))
                .add("settings", Json.createObjectBuilder()
                        .add("clientId", settings.clientId())
                        .add("rateMinutely", settings.rateMinutely())
                        .add("rateDaily", settings.rateDaily())
                        .add("errorsPerHour", settings.errorsPerHour())
                        .add("minRefreshSeconds", settings.minRefreshSeconds())
                        .add("accessTokenSeconds", settings.accessTokenSeconds()))
                .build();
        return Response.ok(body.toString(), JSON).build();
    }

    @GET
    @Path("faults")
    public Response faults() {
        return Response.ok(Json.createObjectBuilder().add("faults", pending()).add("errorBlocks", errorBlocks())
                .build().toString(), JSON).build();
    }

    @POST
    @Path("faults")
    public Response switchFaults(String body) {
        FaultRequest r;
        try (JsonReader reader = Json.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body))) {
            r = FaultRequest.parse(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            return problem(400, "The body must be a JSON object: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return problem(400, e.getMessage());
        }
        r.applyTo(faults);
        int revoked = r.revokeTokens() ? tokens.revokeAll() : 0;
        if (r.resetRateLimits()) {
            limiter.reset();
            errorLimiter.reset();
        }
        JsonObject out = Json.createObjectBuilder().add("faults", pending()).add("revokedConnections", revoked)
                .add("rateLimitsReset", r.resetRateLimits()).build();
        return Response.ok(out.toString(), JSON).build();
    }

    /** Deletes an account as a person in Exact would; sync/Deleted then reports it (EntityType 2). */
    @DELETE
    @Path("divisions/{division}/accounts/{id}")
    public Response deleteAccount(@PathParam("division") int division, @PathParam("id") String id) {
        UUID key = guid(id);
        return key == null ? problem(400, "The id must be a GUID.")
                : deleted(deletions.deleteAccount(division, key), "account", "it has payment terms or journal lines");
    }

    /** Deletes an unpaid payment term with its sales lines; sync/Deleted reports them (EntityType 10 and 1). */
    @DELETE
    @Path("divisions/{division}/payment-terms/{id}")
    public Response deletePaymentTerm(@PathParam("division") int division, @PathParam("id") String id) {
        UUID key = guid(id);
        return key == null ? problem(400, "The id must be a GUID.")
                : deleted(deletions.deletePaymentTerm(division, key), "payment term", "it has been (part-)paid");
    }

    private static Response deleted(Deletions.Outcome outcome, String what, String whyInUse) {
        return switch (outcome) {
            case DELETED -> Response.ok(Json.createObjectBuilder().add("deleted", what).build().toString(), JSON).build();
            case NOT_FOUND -> problem(404, "No such " + what + " in this division.");
            case IN_USE -> problem(409, "The " + what + " cannot be deleted: " + whyInUse + ".");
        };
    }

    private static UUID guid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Subscriptions of every app, deliveries by state, and the dispatcher's test switches. */
    @GET
    @Path("webhooks")
    public Response webhooks() {
        return Response.ok(webhookState().toString(), JSON).build();
    }

    /** Body {@code {"duplicate": true|false, "outOfOrder": true|false}}; both optional, kept until changed. */
    @POST
    @Path("webhooks")
    public Response switchWebhooks(String body) {
        Boolean duplicate;
        Boolean outOfOrder;
        try (JsonReader reader = Json.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body))) {
            JsonObject o = reader.readObject();
            for (String key : o.keySet()) {
                if (!key.equals("duplicate") && !key.equals("outOfOrder")) {
                    return problem(400, "Unknown key '" + key + "': use duplicate and outOfOrder.");
                }
            }
            duplicate = flag(o, "duplicate");
            outOfOrder = flag(o, "outOfOrder");
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return problem(400, "The body must be a JSON object with true/false values: " + e.getMessage());
        }
        webhookSwitches.set(duplicate, outOfOrder);
        return Response.ok(webhookState().toString(), JSON).build();
    }

    private static Boolean flag(JsonObject o, String key) {
        if (!o.containsKey(key)) {
            return null;
        }
        return o.getBoolean(key);
    }

    private JsonObject webhookState() {
        var subscriptions = Json.createArrayBuilder();
        for (WebhookStore.Subscription s : webhooks.allSubscriptions()) {
            subscriptions.add(Json.createObjectBuilder().add("id", s.id().toString()).add("division", s.division())
                    .add("clientId", s.clientId()).add("topic", s.topic()).add("callbackUrl", s.callbackUrl())
                    .add("created", s.created().toString()));
        }
        JsonObjectBuilder deliveries = Json.createObjectBuilder();
        webhooks.counts().forEach(deliveries::add);
        return Json.createObjectBuilder()
                .add("subscriptions", subscriptions)
                .add("deliveries", deliveries)
                .add("switches", Json.createObjectBuilder().add("duplicate", webhookSwitches.duplicate())
                        .add("outOfOrder", webhookSwitches.outOfOrder()))
                .build();
    }

    private JsonObjectBuilder pending() {
        FaultSwitches.Pending p = faults.pending();
        return Json.createObjectBuilder().add("serverErrors", p.serverErrors()).add("tooManyRequests", p.tooManyRequests())
                .add("malformedJson", p.malformedJson())
                .add("slow", Json.createObjectBuilder().add("count", p.slowCalls()).add("millis", p.slowMillis()))
                .add("htmlPages", Json.createObjectBuilder().add("count", p.htmlPages()).add("status", p.htmlStatus()));
    }

    /** Endpoints blocked by the error limit: key (app|user|division|endpoint) and the end of the block. */
    private JsonObjectBuilder errorBlocks() {
        JsonObjectBuilder blocks = Json.createObjectBuilder();
        errorLimiter.blocks().forEach((key, until) -> blocks.add(key, until.toString()));
        return blocks;
    }

    static Response problem(int status, String message) {
        return Response.status(status).entity(Json.createObjectBuilder().add("error", message).build().toString())
                .type(JSON).build();
    }
}
