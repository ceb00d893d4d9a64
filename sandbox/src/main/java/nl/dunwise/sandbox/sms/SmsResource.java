package nl.dunwise.sandbox.sms;

import java.io.StringReader;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.ConfigProvider;

import nl.dunwise.sandbox.exact.control.LocalOnly;

/** MessageBird's {@code /messages} below {@code /api/sms}; see the package description. */
@Path("sms")
@RequestScoped
public class SmsResource {

    /** Demo value (docs/contract.md); never used in production. */
    public static final String DEMO_ACCESS_KEY = "demo-only-sms-api-key";
    static final String ACCESS_KEY = "sandbox.sms.access-key";

    private static final String JSON = MediaType.APPLICATION_JSON + ";charset=utf-8";
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    @Inject
    SmsStore store;

    @Inject
    SmsFaults faults;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @POST
    @Path("messages")
    public Response send(@HeaderParam("Authorization") String authorization, String body) {
        switch (faults.next()) {
            case SERVER_ERROR -> {
                return errors(500, List.of(new SmsError(99, "Internal error (simulated by the SMS sandbox)", null)));
            }
            case TOO_MANY_REQUESTS -> {
                return Response.fromResponse(errors(429, List.of(new SmsError(429, "Too many requests", null))))
                        .header("Retry-After", "1").build();
            }
            case NONE -> { }
        }
        Response refused = refuseWithoutKey(authorization);
        if (refused != null) {
            return refused;
        }
        SmsSubmission submission;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            submission = SmsSubmission.parse(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            return errors(400, List.of(new SmsError(21, "Bad request: the body must be a JSON object", null)));
        } catch (SmsRefused e) {
            return errors(e.status(), e.errors());
        }
        SmsStore.Message saved = store.save(submission, clock.instant());
        return Response.status(201).entity(json(saved).toString()).type(JSON).build();
    }

    @GET
    @Path("messages/{id}")
    public Response message(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        Response refused = refuseWithoutKey(authorization);
        if (refused != null) {
            return refused;
        }
        return store.find(id).map(m -> Response.ok(json(m).toString(), JSON).build())
                .orElseGet(() -> errors(404, List.of(new SmsError(20, "message not found", null))));
    }

    /** MessageBird's list, with {@code reference} as a filter of the sandbox's own, for tests. */
    @GET
    @Path("messages")
    public Response messages(@HeaderParam("Authorization") String authorization,
                             @QueryParam("recipient") String recipient, @QueryParam("reference") String reference,
                             @QueryParam("limit") @DefaultValue("20") int limit,
                             @QueryParam("offset") @DefaultValue("0") int offset) {
        Response refused = refuseWithoutKey(authorization);
        if (refused != null) {
            return refused;
        }
        int size = Math.max(1, Math.min(limit, 200));
        String digits = recipient == null ? null : recipient.strip().replaceFirst("^\\+", "");
        List<SmsStore.Message> found = store.list(digits, reference, size, Math.max(0, offset));
        JsonArrayBuilder items = Json.createArrayBuilder();
        found.forEach(m -> items.add(json(m)));
        JsonObject out = Json.createObjectBuilder().add("offset", Math.max(0, offset)).add("limit", size)
                .add("count", found.size()).add("items", items).build();
        return Response.ok(out.toString(), JSON).build();
    }

    /** Body {@code {"serverErrors": n, "tooManyRequests": n}}, both optional; answers what is pending. */
    @POST
    @Path("faults")
    @LocalOnly
    public Response switchFaults(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body))) {
            JsonObject o = reader.readObject();
            for (String key : o.keySet()) {
                if (!key.equals("serverErrors") && !key.equals("tooManyRequests")) {
                    return errors(400, List.of(new SmsError(21, "Unknown switch '" + key + "': use serverErrors and tooManyRequests", key)));
                }
            }
            faults.set(o.containsKey("serverErrors") ? o.getInt("serverErrors") : null,
                    o.containsKey("tooManyRequests") ? o.getInt("tooManyRequests") : null);
        } catch (JsonException | IllegalStateException | ClassCastException | IllegalArgumentException e) {
            return errors(400, List.of(new SmsError(21, "The body must be a JSON object of counts: " + e.getMessage(), null)));
        }
        return Response.ok(Json.createObjectBuilder().add("serverErrors", faults.serverErrors())
                .add("tooManyRequests", faults.tooManyRequests()).build().toString(), JSON).build();
    }

    private static Response refuseWithoutKey(String authorization) {
        String key = ConfigProvider.getConfig(SmsResource.class.getClassLoader())
                .getOptionalValue(ACCESS_KEY, String.class).map(String::strip).filter(s -> !s.isEmpty()).orElse(DEMO_ACCESS_KEY);
        if (authorization != null && authorization.strip().equals("AccessKey " + key)) {
            return null;
        }
        return errors(401, List.of(new SmsError(2, "Request not allowed (incorrect access_key)", "access_key")));
    }

    /** The message as MessageBird answers it; the sandbox delivers nothing, so every recipient stays "sent". */
    private JsonObject json(SmsStore.Message m) {
        String created = DATETIME.format(m.created().atOffset(ZoneOffset.UTC));
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (String r : m.recipients()) {
            items.add(Json.createObjectBuilder().add("recipient", Long.parseLong(r)).add("originator", m.originator())
                    .add("status", "sent").add("statusDatetime", created).add("messagePartCount", m.parts()));
        }
        var b = Json.createObjectBuilder()
                .add("id", m.id())
                .add("href", uri.getBaseUriBuilder().path("sms/messages").path(m.id()).build().toString())
                .add("direction", "mt").add("type", "sms").add("originator", m.originator()).add("body", m.body());
        if (m.reference() == null) {
            b.addNull("reference");
        } else {
            b.add("reference", m.reference());
        }
        return b.addNull("validity").add("gateway", 10).add("typeDetails", Json.createObjectBuilder())
                .add("datacoding", m.unicode() ? "unicode" : "plain").add("mclass", 1).addNull("scheduledDatetime")
                .add("createdDatetime", created)
                .add("recipients", Json.createObjectBuilder().add("totalCount", m.recipients().size())
                        .add("totalSentCount", m.recipients().size()).add("totalDeliveredCount", 0)
                        .add("totalDeliveryFailedCount", 0).add("items", items))
                .build();
    }

    private static Response errors(int status, List<SmsError> errors) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        errors.forEach(e -> list.add(e.json()));
        return Response.status(status).entity(Json.createObjectBuilder().add("errors", list).build().toString())
                .type(JSON).build();
    }
}
