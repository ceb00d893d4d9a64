package nl.dunwise.exact.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The endpoints Dunwise calls, relative to a country's base URL (https://start.exactonline.nl, or the
 * sandbox): the REST API below {@code /api} and the attachment download below {@code /docs}. Answers are taken as raw {@link Response}s because the rate-limit headers and the error
 * bodies matter as much as the data.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface ExactApi {

    @POST
    @Path("/api/oauth2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response token(Form form);

    @GET
    @Path("/api/v1/current/Me")
    Response me(@HeaderParam("Authorization") String authorization,
            @QueryParam("$select") String select);

    @GET
    @Path("/api/v1/{division}/system/Divisions")
    Response divisions(@HeaderParam("Authorization") String authorization,
            @PathParam("division") int division,
            @QueryParam("$select") String select);

    @GET
    @Path("/api/v1/{division}/sync/{service}/{entity}")
    Response sync(@HeaderParam("Authorization") String authorization,
            @PathParam("division") int division,
            @PathParam("service") String service,
            @PathParam("entity") String entity,
            @QueryParam("$filter") String filter,
            @QueryParam("$select") String select,
            @QueryParam("$skiptoken") String skiptoken);

    @POST
    @Path("/api/v1/{division}/activities/CommunicationNotes")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createCommunicationNote(@HeaderParam("Authorization") String authorization,
            @PathParam("division") int division,
            String body);

    @PUT
    @Path("/api/v1/{division}/crm/Accounts(guid'{id}')")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateAccount(@HeaderParam("Authorization") String authorization,
            @PathParam("division") int division,
            @PathParam("id") String id,
            String body);

    @GET
    @Path("/api/v1/{division}/sync/Deleted")
    Response syncDeleted(@HeaderParam("Authorization") String authorization,
            @PathParam("division") int division,
            @QueryParam("$filter") String filter,
            @QueryParam("$select") String select,
            @QueryParam("$skiptoken") String skiptoken);

    @GET
    @Path("/api/v1/{division}/webhooks/WebhookSubscriptions")
    Response webhookSubscriptions(@HeaderParam("Authorization") String authorization,
            @PathParam("division") int division,
            @QueryParam("$select") String select);

    @POST
    @Path("/api/v1/{division}/webhooks/WebhookSubscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response subscribeWebhook(@HeaderParam("Authorization") String authorization,
            @PathParam("division") int division,
            String body);

    /**
     * The content of a document attachment, at the {@code Url} DocumentAttachments gives
     * ({@code /docs/SysAttachment.aspx?ID=..&_Division_=..}); {@code Download=1} asks for the file rather than
     * a page showing it, as picqer/exact-php-client does. Needs the bearer token like the API.
     */
    @GET
    @Path("/docs/SysAttachment.aspx")
    @Produces(MediaType.WILDCARD)
    Response attachment(@HeaderParam("Authorization") String authorization,
            @QueryParam("ID") String id,
            @QueryParam("_Division_") int division,
            @QueryParam("Download") int download);
}
