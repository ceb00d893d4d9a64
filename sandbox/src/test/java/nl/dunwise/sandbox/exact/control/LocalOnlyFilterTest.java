package nl.dunwise.sandbox.exact.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.junit.jupiter.api.Test;

class LocalOnlyFilterTest {

    @Test
    void onlyLoopbackWithoutProxyHeaders() {
        assertTrue(LocalOnlyFilter.isLocal("127.0.0.1", null, null));
        assertTrue(LocalOnlyFilter.isLocal("127.1.2.3", null, null));
        assertTrue(LocalOnlyFilter.isLocal("::1", null, null));
        assertTrue(LocalOnlyFilter.isLocal("[0:0:0:0:0:0:0:1]", null, null));
        assertFalse(LocalOnlyFilter.isLocal("192.168.1.10", null, null));
        assertFalse(LocalOnlyFilter.isLocal("127.0.0.1", "203.0.113.5", null));
        assertFalse(LocalOnlyFilter.isLocal("127.0.0.1", null, "for=203.0.113.5"));
        assertFalse(LocalOnlyFilter.isLocal("localhost", null, null));
        assertFalse(LocalOnlyFilter.isLocal(null, null, null));
    }

    @Test
    void aCallerOnThisMachineGoesThrough() {
        assertNull(filter("127.0.0.1", Map.of()));
    }

    @Test
    void aCallerElsewhereIsRefused() {
        assertEquals(403, filter("192.168.1.10", Map.of()).getStatus());
        assertEquals(403, filter("127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.5")).getStatus());
    }

    @Test
    void everyControlEndpointIsBoundToTheFilter() {
        assertTrue(ControlResource.class.isAnnotationPresent(LocalOnly.class));
        assertTrue(LocalOnlyFilter.class.isAnnotationPresent(LocalOnly.class));
        assertTrue(LocalOnlyFilter.class.isAnnotationPresent(Provider.class));
    }

    /** What the filter aborts the request with, or null when it lets the request through. */
    private static Response filter(String remoteAddr, Map<String, String> headers) {
        LocalOnlyFilter filter = new LocalOnlyFilter();
        filter.request = (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remoteAddr;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        AtomicReference<Response> aborted = new AtomicReference<>();
        filter.filter((ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("abortWith")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    aborted.set((Response) args[0]);
                    return null;
                }));
        return aborted.get();
    }
}
