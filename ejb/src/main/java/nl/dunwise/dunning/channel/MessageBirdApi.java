package nl.dunwise.dunning.channel;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * MessageBird's SMS API (https://rest.messagebird.com, or the sandbox's {@code /exact-sandbox/api/sms}).
 * The answer is taken as a raw {@link Response}: the status and the error body decide what happens next.
 */
@Path("/messages")
@Produces(MediaType.APPLICATION_JSON)
public interface MessageBirdApi {

    /** {@code Authorization: AccessKey <key>}; body {@code {"originator", "recipients": [...], "body", "reference"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response send(@HeaderParam("Authorization") String authorization, String body);
}
