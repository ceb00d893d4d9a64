package nl.dunwise.sandbox.exact.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import nl.dunwise.sandbox.exact.SandboxSettings;
import nl.dunwise.sandbox.exact.seed.DemoDataGenerator;
import nl.dunwise.sandbox.exact.store.ExactStore;

/**
 * {@code /api/oauth2/auth} (sign-in page and its POST) and {@code /api/oauth2/token}. A bad client or
 * redirect URI shows an error page and never redirects, because redirecting to an unverified URI would
 * hand a code to whoever wrote the link.
 */
@Path("oauth2")
@RequestScoped
public class OAuthResource {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    private static final String JSON = MediaType.APPLICATION_JSON + ";charset=utf-8";

    @Inject
    SandboxSettings settings;

    @Inject
    TokenStore tokens;

    @Inject
    ExactStore store;

    @GET
    @Path("auth")
    public Response authorizePage(@QueryParam("client_id") String clientId,
                                  @QueryParam("redirect_uri") String redirectUri,
                                  @QueryParam("response_type") String responseType,
                                  @QueryParam("state") String state,
                                  @QueryParam("force_login") String forceLogin,
                                  @Context UriInfo uriInfo) {
        Optional<Response> problem = checkRequest(clientId, redirectUri, responseType);
        if (problem.isPresent()) {
            return problem.get();
        }
        // There is no session to remember, so force_login=1 changes nothing: the form is always shown.
        return html(200, LoginPage.signIn(uriInfo.getAbsolutePath().getPath(),
                hidden(clientId, redirectUri, responseType, state, forceLogin), clientId,
                DemoDataGenerator.DEMO_USERNAME, DemoDataGenerator.DEMO_PASSWORD, null));
    }

    @POST
    @Path("auth")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response authorize(@FormParam("client_id") String clientId,
                              @FormParam("redirect_uri") String redirectUri,
                              @FormParam("response_type") String responseType,
                              @FormParam("state") String state,
                              @FormParam("force_login") String forceLogin,
                              @FormParam("username") String username,
                              @FormParam("password") String password,
                              @Context UriInfo uriInfo) {
        Optional<Response> problem = checkRequest(clientId, redirectUri, responseType);
        if (problem.isPresent()) {
            return problem.get();
        }
        Optional<ExactStore.UserRow> user = store.login(username, password);
        if (user.isEmpty()) {
            return html(200, LoginPage.signIn(uriInfo.getAbsolutePath().getPath(),
                    hidden(clientId, redirectUri, responseType, state, forceLogin), clientId,
                    username, "", "The username or password is incorrect."));
        }
        String code = tokens.issueCode(clientId, redirectUri, user.get().id());
        StringBuilder target = new StringBuilder(redirectUri);
        target.append(redirectUri.contains("?") ? '&' : '?').append("code=").append(enc(code));
        if (state != null) {
            target.append("&state=").append(enc(state));
        }
        return Response.status(Response.Status.FOUND).location(URI.create(target.toString()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@FormParam("grant_type") String grantType,
                          @FormParam("code") String code,
                          @FormParam("redirect_uri") String redirectUri,
                          @FormParam("refresh_token") String refreshToken,
                          @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        try {
            // Credentials may also come as HTTP Basic (RFC 6749 2.3.1); the form wins when both are sent.
            String[] basic = basic(authorization);
            String id = clientId != null ? clientId : basic[0];
            String secret = clientSecret != null ? clientSecret : basic[1];
            TokenStore.Issued issued;
            if ("authorization_code".equals(grantType)) {
                issued = tokens.exchangeCode(code, id, secret, redirectUri);
            } else if ("refresh_token".equals(grantType)) {
                issued = tokens.refresh(refreshToken, id, secret);
            } else if (grantType == null || grantType.isEmpty()) {
                throw new OAuthException("invalid_request", "The grant_type parameter is missing.");
            } else {
                throw new OAuthException("unsupported_grant_type", "Grant type '" + grantType + "' is not supported.");
            }
            String body = Json.createObjectBuilder()
                    .add("access_token", issued.accessToken())
                    .add("token_type", "bearer")
                    // A string, as Exact sends it; clients that expect a number must cope.
                    .add("expires_in", String.valueOf(issued.expiresInSeconds()))
                    .add("refresh_token", issued.refreshToken())
                    .build().toString();
            return Response.ok(body, JSON).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
        } catch (OAuthException e) {
            String body = Json.createObjectBuilder().add("error", e.error())
                    .add("error_description", e.getMessage()).build().toString();
            return Response.status(e.status()).entity(body).type(JSON).header("Cache-Control", "no-store").build();
        }
    }

    private Optional<Response> checkRequest(String clientId, String redirectUri, String responseType) {
        if (clientId == null || !clientId.equals(settings.clientId())) {
            return Optional.of(html(400, LoginPage.error("Unknown application",
                    "There is no application with client_id '" + (clientId == null ? "" : clientId) + "'.")));
        }
        if (!redirectAllowed(redirectUri)) {
            return Optional.of(html(400, LoginPage.error("Invalid redirect URI",
                    "The redirect_uri '" + (redirectUri == null ? "" : redirectUri)
                    + "' is not registered for this application.")));
        }
        if (!"code".equals(responseType)) {
            return Optional.of(html(400, LoginPage.error("Unsupported response type",
                    "Only response_type=code (authorization code flow) is supported.")));
        }
        return Optional.empty();
    }

    private boolean redirectAllowed(String redirectUri) {
        if (redirectUri == null || redirectUri.isBlank()) {
            return false;
        }
        var registered = settings.redirectUris();
        if (!registered.isEmpty()) {
            return registered.contains(redirectUri);
        }
        try {
            URI u = URI.create(redirectUri);
            return u.isAbsolute() && ("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
                    && u.getHost() != null && u.getFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> hidden(String clientId, String redirectUri, String responseType, String state,
                                              String forceLogin) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("client_id", clientId);
        m.put("redirect_uri", redirectUri);
        m.put("response_type", responseType);
        m.put("state", state);
        m.put("force_login", forceLogin);
        return m;
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new String[2];
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return new String[2];
            }
            return new String[] {
                java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return new String[2];
        }
    }

    private static Response html(int status, String body) {
        return Response.status(status).entity(body).type(HTML).header("Cache-Control", "no-store").build();
    }

    /** Percent-encoding with %20 for spaces: a '+' in a redirect query is read literally by some clients. */
    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
