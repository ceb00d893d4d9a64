package nl.dunwise.sandbox.exact.api;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import nl.dunwise.sandbox.exact.model.Entities;
import nl.dunwise.sandbox.exact.model.Entities.SyncEntity;
import nl.dunwise.sandbox.exact.oauth.ApiPrincipal;
import nl.dunwise.sandbox.exact.odata.EntitySchema;
import nl.dunwise.sandbox.exact.odata.Field;
import nl.dunwise.sandbox.exact.odata.FilterEvaluator;
import nl.dunwise.sandbox.exact.odata.FilterExpr;
import nl.dunwise.sandbox.exact.odata.ODataException;
import nl.dunwise.sandbox.exact.odata.ODataJsonWriter;
import nl.dunwise.sandbox.exact.odata.ODataJsonWriter.Record;
import nl.dunwise.sandbox.exact.odata.QueryOptions;
import nl.dunwise.sandbox.exact.odata.SelectOption;
import nl.dunwise.sandbox.exact.odata.SqlFilter;
import nl.dunwise.sandbox.exact.odata.SyncPaging;
import nl.dunwise.sandbox.exact.store.ExactStore;

/**
 * The REST API v1 resources: the reads of a sync and the write-backs (notes, account hold and credit line).
 * The gate has already authenticated and counted the call.
 */
@Path("v1")
@RequestScoped
public class ApiV1Resource {

    private static final Set<String> SINGLE_OPTIONS = Set.of(QueryOptions.SELECT, QueryOptions.FORMAT);
    private static final Set<String> LIST_OPTIONS = Set.of(QueryOptions.SELECT, QueryOptions.FILTER,
            QueryOptions.TOP, QueryOptions.INLINECOUNT, QueryOptions.FORMAT);
    private static final Set<String> SYNC_OPTIONS = Set.of(QueryOptions.SELECT, QueryOptions.FILTER,
            QueryOptions.SKIPTOKEN, QueryOptions.TOP, QueryOptions.INLINECOUNT, QueryOptions.ORDERBY, QueryOptions.FORMAT);

    private static final Set<String> NOTE_OPTIONS = Set.of(QueryOptions.SELECT, QueryOptions.FILTER,
            QueryOptions.SKIPTOKEN, QueryOptions.TOP, QueryOptions.INLINECOUNT, QueryOptions.FORMAT);
    private static final Pattern GUID_KEY = Pattern.compile("^\\(guid'([^']*)'\\)$");

    @Inject
    ExactStore store;

    @Inject
    Clock clock;

    /**
     * The signed-in user. Like Exact, the single record comes inside {@code d.results} (an array of one),
     * not as {@code d} itself: picqer/exact-php-client unwraps {@code d.results[0]} for current/Me, and
     * the Go and JavaScript clients do the same.
     */
    @GET
    @Path("current/Me")
    public Response me(@Context UriInfo uri, @Context HttpServletRequest request) {
        ApiPrincipal p = principal(request);
        QueryOptions q = QueryOptions.parse(rawQuery(request), SINGLE_OPTIONS);
        List<Field> fields = SelectOption.parse(q.get(QueryOptions.SELECT).orElse(null), Entities.ME);
        ExactStore.UserRow u = store.user(p.userId())
                .orElseThrow(() -> new ExactApiException(401, "The user of this token no longer exists."));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("UserID", u.id());
        v.put("CurrentDivision", u.currentDivision());
        v.put("Email", u.email());
        v.put("FullName", u.fullName());
        v.put("LanguageCode", u.languageCode());
        v.put("UserName", u.username());
        String recordUri = exactBase(uri) + "/api/v1/current/Me(guid'" + u.id() + "')";
        return json(Entities.ME, fields, List.of(new Record(v, recordUri)), null, null);
    }

    @GET
    @Path("{division}/system/Divisions")
    public Response divisions(@PathParam("division") String division, @Context UriInfo uri,
                              @Context HttpServletRequest request) {
        return divisionList(division, uri, request);
    }

    /** The same list as Divisions: the sandbox's user can access every division of its one license. */
    @GET
    @Path("{division}/system/AllDivisions")
    public Response allDivisions(@PathParam("division") String division, @Context UriInfo uri,
                                 @Context HttpServletRequest request) {
        return divisionList(division, uri, request);
    }

    @GET
    @Path("{division}/sync/CRM/Accounts")
    public Response syncAccounts(@PathParam("division") String division, @Context UriInfo uri,
                                 @Context HttpServletRequest request) {
        return sync(Entities.SYNC_ACCOUNTS, division, uri, request);
    }

    @GET
    @Path("{division}/sync/Cashflow/PaymentTerms")
    public Response syncPaymentTerms(@PathParam("division") String division, @Context UriInfo uri,
                                 @Context HttpServletRequest request) {
        return sync(Entities.SYNC_PAYMENT_TERMS, division, uri, request);
    }

    @GET
    @Path("{division}/sync/CRM/Contacts")
    public Response syncContacts(@PathParam("division") String division, @Context UriInfo uri,
                                 @Context HttpServletRequest request) {
        return sync(Entities.SYNC_CONTACTS, division, uri, request);
    }

    @GET
    @Path("{division}/sync/Financial/TransactionLines")
    public Response syncTransactionLines(@PathParam("division") String division, @Context UriInfo uri,
                                 @Context HttpServletRequest request) {
        return sync(Entities.SYNC_TRANSACTION_LINES, division, uri, request);
    }

    @GET
    @Path("{division}/sync/SalesInvoice/SalesInvoices")
    public Response syncSalesInvoices(@PathParam("division") String division, @Context UriInfo uri,
                                 @Context HttpServletRequest request) {
        return sync(Entities.SYNC_SALES_INVOICES, division, uri, request);
    }

    @GET
    @Path("{division}/sync/Documents/Documents")
    public Response syncDocuments(@PathParam("division") String division, @Context UriInfo uri,
                                 @Context HttpServletRequest request) {
        return sync(Entities.SYNC_DOCUMENTS, division, uri, request);
    }

    @GET
    @Path("{division}/sync/Documents/DocumentAttachments")
    public Response syncDocumentAttachments(@PathParam("division") String division, @Context UriInfo uri,
                                 @Context HttpServletRequest request) {
        return sync(Entities.SYNC_DOCUMENT_ATTACHMENTS, division, uri, request);
    }

    @GET
    @Path("{division}/sync/Deleted")
    public Response syncDeleted(@PathParam("division") String division, @Context UriInfo uri,
                                 @Context HttpServletRequest request) {
        return sync(Entities.SYNC_DELETED, division, uri, request);
    }

    /**
     * Creates a note on an account. An Account that is not in the division is a 400, as Exact answers a
     * reference it cannot resolve; the answer is 201 with the whole record in {@code d} and its URI in
     * {@code Location}.
     */
    @POST
    @Path("{division}/activities/CommunicationNotes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createNote(@PathParam("division") String division, String body, @Context UriInfo uri,
                               @Context HttpServletRequest request) {
        ApiPrincipal p = principal(request);
        int code = requireDivision(division);
        WriteBodies.Note note = WriteBodies.note(body);
        Map<String, Object> created = store.createNote(code, note.account(), note.contact(), note.subject(),
                note.notes(), p.userId(), clock.instant())
                .orElseThrow(() -> new ExactApiException(400, "Account: the account " + note.account()
                        + " does not exist in division " + code + "."));
        String recordUri = exactBase(uri) + "/api/v1/" + code + "/" + Entities.COMMUNICATION_NOTES_PATH
                + "(guid'" + created.get("ID") + "')";
        StreamingOutput out = o -> ODataJsonWriter.writeSingle(o, Entities.COMMUNICATION_NOTES,
                new Record(created, recordUri));
        return Response.created(URI.create(recordUri)).entity(out).type(ExactErrors.JSON).build();
    }

    /** Notes of the division, 60 a page, oldest first; tests read back what a client wrote. */
    @GET
    @Path("{division}/activities/CommunicationNotes")
    public Response notes(@PathParam("division") String division, @Context UriInfo uri,
                          @Context HttpServletRequest request) {
        int code = requireDivision(division);
        QueryOptions q = QueryOptions.parse(rawQuery(request), NOTE_OPTIONS);
        return pageByRowVersion(uri, request, Entities.COMMUNICATION_NOTES, Entities.COMMUNICATION_NOTES_PATH, code, q,
                Entities.PAGE_SIZE, (fields, where, after, limit, count) ->
                        store.notes(code, fields, where, after, limit, count));
    }

    /**
     * Changes an account's Blocked and CreditLineSales: 204 without a body, 404 for an account that is not in
     * the division. A real change bumps the account's Timestamp, so the next sync brings it back.
     */
    @PUT
    @Path("{division}/crm/Accounts{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateAccount(@PathParam("division") String division, @PathParam("key") String key,
                                  String body, @Context HttpServletRequest request) {
        principal(request);
        int code = requireDivision(division);
        UUID account = guidKey(key);
        WriteBodies.AccountChange change = WriteBodies.accountChange(body);
        if (!store.updateAccount(code, account, change.blocked(), change.creditLineSales(), clock.instant())) {
            throw new ExactApiException(404, "Account " + account + " does not exist in division " + code + ".");
        }
        return Response.noContent().build();
    }

    /** The key of a record URL, {@code (guid'..')}, as OData v2 writes it. */
    static UUID guidKey(String key) {
        Matcher m = GUID_KEY.matcher(key);
        if (!m.matches()) {
            throw new ExactApiException(400, "Bad request: the key '" + key + "' is not of the form (guid'...').");
        }
        try {
            return UUID.fromString(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new ExactApiException(400, "Bad request: '" + m.group(1) + "' is not a valid Edm.Guid.");
        }
    }

    private Response divisionList(String division, UriInfo uri, HttpServletRequest request) {
        ApiPrincipal p = principal(request);
        int code = requireDivision(division);
        QueryOptions q = QueryOptions.parse(rawQuery(request), LIST_OPTIONS);
        EntitySchema schema = Entities.DIVISIONS;
        List<Field> fields = SelectOption.parse(q.get(QueryOptions.SELECT).orElse(null), schema);
        FilterExpr filter = q.filter();
        if (filter != null) {
            FilterEvaluator.validate(filter, schema);
        }
        List<Record> records = new ArrayList<>();
        List<ExactStore.DivisionRow> all = store.divisions();
        for (ExactStore.DivisionRow d : all) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("Code", d.code());
            v.put("Country", d.country());
            v.put("Currency", d.currency());
            v.put("Current", d.code() == p.currentDivision());
            v.put("Description", d.description());
            v.put("HID", d.hid());
            v.put("IsMainDivision", d.code() == all.get(0).code());
            v.put("Status", d.status());
            if (filter == null || FilterEvaluator.matches(filter, schema, v)) {
                records.add(new Record(v, exactBase(uri) + "/api/v1/" + code + "/system/Divisions(" + d.code() + ")"));
            }
        }
        Integer top = q.top();
        long count = records.size();
        if (top != null && records.size() > top) {
            records = records.subList(0, top);
        }
        return json(schema, fields, records, null, q.inlineCount() ? count : null);
    }

    private Response sync(SyncEntity entity, String divisionText, UriInfo uri, HttpServletRequest request) {
        int division = requireDivision(divisionText);
        QueryOptions q = QueryOptions.parse(rawQuery(request), SYNC_OPTIONS);
        q.get(QueryOptions.ORDERBY).ifPresent(o -> {
            String norm = o.strip().replaceAll("\\s+", " ");
            if (!norm.equals("Timestamp") && !norm.equals("Timestamp asc")) {
                throw new ODataException("Sync endpoints are always ordered by Timestamp ascending; $orderby='" + o
                        + "' is not supported.");
            }
        });
        return pageByRowVersion(uri, request, entity.schema(), entity.path(), division, q, SyncPaging.SYNC_PAGE_SIZE,
                (fields, where, after, limit, count) ->
                        store.sync(entity, division, fields, where, after, limit, count));
    }

    /** A read of the store that pages by row version (the Timestamp of the sync endpoints). */
    @FunctionalInterface
    private interface RowVersionRead {
        ExactStore.SyncRows fetch(List<Field> fields, SqlFilter.Fragment where, long after, int limit, boolean count);
    }

    /**
     * One page of a read that pages by row version: $select, $filter, $skiptoken and $top applied, each record
     * with its URI, and {@code __next} repeating the client's own options.
     */
    private Response pageByRowVersion(UriInfo uri, HttpServletRequest request, EntitySchema schema, String path,
                                      int division, QueryOptions q, int pageSize, RowVersionRead read) {
        List<Field> fields = SelectOption.parse(q.get(QueryOptions.SELECT).orElse(null), schema);
        FilterExpr filter = q.filter();
        SqlFilter.Fragment where = filter == null ? null : SqlFilter.compile(filter, schema);
        long after = SyncPaging.parseSkipToken(q.get(QueryOptions.SKIPTOKEN).orElse(null));
        Integer top = q.top();
        ExactStore.SyncRows fetched = read.fetch(fields, where, after, SyncPaging.fetchLimit(top, pageSize),
                q.inlineCount());
        SyncPaging.Page<Map<String, Object>> page = SyncPaging.page(fetched.rows(), top, pageSize,
                r -> (Long) r.get(ExactStore.PAGE_KEY));
        String base = exactBase(uri) + "/api/v1/" + division + "/" + path;
        List<Record> records = new ArrayList<>(page.rows().size());
        for (Map<String, Object> row : page.rows()) {
            if (row.get("Url") instanceof String download && download.startsWith(Entities.ATTACHMENT_URL_PREFIX)) {
                // An attachment's download address is absolute at Exact, on the host the client called.
                row.put("Url", exactBase(uri) + download);
            }
            records.add(new Record(row, base + "(guid'" + row.get("ID") + "')"));
        }
        String next = page.hasNext()
                ? SyncPaging.nextLink(uri.getAbsolutePath().toString(), rawQuery(request), page.nextSkipToken())
                : null;
        return json(schema, fields, records, next, fetched.count());
    }

    private int requireDivision(String text) {
        return requireDivision(store, text);
    }

    static int requireDivision(ExactStore store, String text) {
        int code;
        try {
            code = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ExactApiException(404, "Division '" + text + "' is not a valid division number.");
        }
        if (store.division(code).isEmpty()) {
            throw new ExactApiException(404, "Division " + code + " does not exist or is not accessible.");
        }
        return code;
    }

    /**
     * The query exactly as the client sent it: JAX-RS's request URI re-encodes characters such as
     * {@code $} and {@code ,}, and {@code __next} should repeat the client's own options unchanged.
     */
    private static String rawQuery(HttpServletRequest request) {
        return request.getQueryString();
    }

    static ApiPrincipal principal(HttpServletRequest request) {
        Object p = request.getAttribute(ApiGateFilter.PRINCIPAL);
        if (!(p instanceof ApiPrincipal principal)) {
            throw new ExactApiException(401, "Access denied: no valid access token.");
        }
        return principal;
    }

    /** The base URL the client used, i.e. what {@code https://start.exactonline.nl} is at Exact. */
    static String exactBase(UriInfo uri) {
        String b = uri.getBaseUri().toString();
        if (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b.endsWith("/api") ? b.substring(0, b.length() - 4) : b;
    }

    private static Response json(EntitySchema schema, List<Field> fields, List<Record> records, String next, Long count) {
        StreamingOutput body = out -> ODataJsonWriter.writeResults(out, schema, fields, records, next, count);
        return Response.ok(body, ExactErrors.JSON).build();
    }
}
