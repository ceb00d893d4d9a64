package nl.dunwise.sandbox.exact.api;

import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import nl.dunwise.sandbox.exact.model.Entities;
import nl.dunwise.sandbox.exact.oauth.ApiPrincipal;
import nl.dunwise.sandbox.exact.odata.EntitySchema;
import nl.dunwise.sandbox.exact.odata.Field;
import nl.dunwise.sandbox.exact.odata.ODataJsonWriter;
import nl.dunwise.sandbox.exact.odata.ODataJsonWriter.Record;
import nl.dunwise.sandbox.exact.odata.QueryOptions;
import nl.dunwise.sandbox.exact.odata.SelectOption;
import nl.dunwise.sandbox.exact.store.ExactStore;
import nl.dunwise.sandbox.exact.webhook.CallbackClient;
import nl.dunwise.sandbox.exact.webhook.WebhookStore;
import nl.dunwise.sandbox.exact.webhook.WebhookTopic;

/**
 * {@code webhooks/WebhookSubscriptions}: list, create and delete an app's subscriptions in a division.
 * The gate has already authenticated and counted the call. A new subscription is accepted only after its
 * callback answered the validation request.
 */
@Path("v1/{division}/webhooks")
@RequestScoped
public class WebhookSubscriptionsResource {

    private static final Set<String> LIST_OPTIONS = Set.of(QueryOptions.SELECT, QueryOptions.FORMAT);
    private static final Pattern GUID_KEY = Pattern.compile("^guid'([0-9a-fA-F-]{36})'$");
    private static final EntitySchema SCHEMA = Entities.WEBHOOK_SUBSCRIPTIONS;
    private static final CallbackClient CALLBACKS = new CallbackClient(java.time.Duration.ofSeconds(5));

    @Inject
    ExactStore store;

    @Inject
    WebhookStore webhooks;

    @Inject
    Clock clock;

    @GET
    @Path("WebhookSubscriptions")
    public Response list(@PathParam("division") String division, @Context UriInfo uri,
                         @Context HttpServletRequest request) {
        ApiPrincipal p = ApiV1Resource.principal(request);
        int code = ApiV1Resource.requireDivision(store, division);
        QueryOptions q = QueryOptions.parse(request.getQueryString(), LIST_OPTIONS);
        List<Field> fields = SelectOption.parse(q.get(QueryOptions.SELECT).orElse(null), SCHEMA);
        List<Record> records = new ArrayList<>();
        for (WebhookStore.Subscription s : webhooks.subscriptions(code, p.clientId())) {
            records.add(record(uri, s));
        }
        StreamingOutput body = out -> ODataJsonWriter.writeResults(out, SCHEMA, fields, records, null, null);
        return Response.ok(body, ExactErrors.JSON).build();
    }

    @POST
    @Path("WebhookSubscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(@PathParam("division") String division, String body, @Context UriInfo uri,
                              @Context HttpServletRequest request) {
        ApiPrincipal p = ApiV1Resource.principal(request);
        int code = ApiV1Resource.requireDivision(store, division);
        JsonObject json = object(body);
        WebhookTopic topic = WebhookTopic.named(text(json, "Topic"))
                .orElseThrow(() -> new ExactApiException(400, "Topic: '" + text(json, "Topic")
                        + "' is not a webhook topic. Known topics: Accounts, Contacts, FinancialTransactions, "
                        + "SalesInvoices, Documents."));
        URI callback = callback(text(json, "CallbackURL"));
        boolean known = webhooks.subscriptions(code, p.clientId()).stream()
                .anyMatch(s -> s.topic().equals(topic.topicName()) && s.callbackUrl().equals(callback.toString()));
        if (known) {
            throw duplicate(topic);
        }
        CALLBACKS.validate(callback).ifPresent(problem -> {
            throw new ExactApiException(400, "CallbackURL: the validation request to " + callback + " failed: "
                    + problem + ". The callback must answer a POST with HTTP 200.");
        });
        WebhookStore.Subscription created = webhooks.subscribe(code, p.clientId(), topic, callback.toString(),
                ApiV1Resource.exactBase(uri), p.userId(), clock.instant()).orElseThrow(() -> duplicate(topic));
        Record record = record(uri, created);
        StreamingOutput out = o -> ODataJsonWriter.writeSingle(o, SCHEMA, record);
        return Response.status(Response.Status.CREATED).entity(out).type(ExactErrors.JSON)
                .location(URI.create(record.uri())).build();
    }

    @DELETE
    @Path("WebhookSubscriptions({key})")
    public Response unsubscribe(@PathParam("division") String division, @PathParam("key") String key,
                                @Context HttpServletRequest request) {
        ApiPrincipal p = ApiV1Resource.principal(request);
        int code = ApiV1Resource.requireDivision(store, division);
        Matcher m = GUID_KEY.matcher(key);
        if (!m.matches()) {
            throw new ExactApiException(400, "The key must be written guid'...': " + key);
        }
        if (!webhooks.unsubscribe(code, p.clientId(), UUID.fromString(m.group(1)))) {
            throw new ExactApiException(404, "Webhook subscription " + m.group(1) + " does not exist.");
        }
        return Response.noContent().build();
    }

    private static Record record(UriInfo uri, WebhookStore.Subscription s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ID", s.id());
        v.put("CallbackURL", s.callbackUrl());
        v.put("ClientID", s.clientId());
        v.put("Created", s.created());
        v.put("Creator", s.userId());
        v.put("CreatorFullName", s.creatorFullName());
        v.put("Description", null);
        v.put("Division", s.division());
        v.put("Topic", s.topic());
        v.put("UserID", s.userId());
        return new Record(v, ApiV1Resource.exactBase(uri) + "/api/v1/" + s.division()
                + "/webhooks/WebhookSubscriptions(guid'" + s.id() + "')");
    }

    private static ExactApiException duplicate(WebhookTopic topic) {
        return new ExactApiException(400, "A subscription to " + topic.topicName()
                + " with this CallbackURL already exists.");
    }

    /** Exact insists on https; the sandbox takes http too, since it runs on plain http itself. */
    static URI callback(String text) {
        if (text == null || text.isBlank()) {
            throw new ExactApiException(400, "CallbackURL: a value is required.");
        }
        try {
            URI u = URI.create(text.strip());
            if (u.getHost() == null || u.getFragment() != null
                    || !("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new ExactApiException(400, "CallbackURL: '" + text + "' is not an absolute http(s) URL.");
        }
    }

    private static JsonObject object(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ExactApiException(400, "The body is not a JSON object.");
        }
    }

    private static String text(JsonObject json, String name) {
        return Optional.ofNullable(json.get(name)).filter(v -> v instanceof JsonString)
                .map(v -> ((JsonString) v).getString()).orElse(null);
    }
}
