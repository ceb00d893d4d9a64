package nl.dunwise.sandbox.exact.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import nl.dunwise.sandbox.exact.odata.ODataException;

/**
 * Every failure leaves in Exact's error shape, so that a client's error handling meets the same bodies
 * here as there; container errors (404 for an unknown path, 405, 415) included.
 */
public final class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {
    }

    static Response map(Throwable t) {
        Throwable cause = t;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ExactApiException e) {
            return ExactErrors.response(e.status(), e.getMessage());
        }
        if (cause instanceof ODataException e) {
            return ExactErrors.response(400, e.getMessage());
        }
        if (cause instanceof WebApplicationException e) {
            Response r = e.getResponse();
            if (r.getStatus() < 400) {
                return r;
            }
            return ExactErrors.response(r.getStatus(), ExactErrors.defaultMessage(r.getStatus()));
        }
        LOG.log(Level.WARNING, "Exact sandbox: unexpected failure", t);
        return ExactErrors.response(500, "An internal server error occurred.");
    }

    @Provider
    public static class ExactApi implements ExceptionMapper<ExactApiException> {
        @Override
        public Response toResponse(ExactApiException e) {
            return map(e);
        }
    }

    @Provider
    public static class OData implements ExceptionMapper<ODataException> {
        @Override
        public Response toResponse(ODataException e) {
            return map(e);
        }
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            return map(e);
        }
    }

    @Provider
    public static class Any implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return map(e);
        }
    }
}
