package nl.dunwise.sandbox.exact.control;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers 403 to a {@link LocalOnly} endpoint unless the caller is on this machine: anyone who can flip the
 * sandbox's switches can break every connected client.
 */
@Provider
@LocalOnly
@Priority(Priorities.AUTHORIZATION)
public class LocalOnlyFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!isLocal(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), request.getHeader("Forwarded"))) {
            context.abortWith(ControlResource.problem(403,
                    "The sandbox control endpoints answer only requests from this machine (loopback)."));
        }
    }

    /** Only loopback callers without proxy headers: a proxied request may come from anywhere. */
    static boolean isLocal(String remoteAddr, String forwardedFor, String forwarded) {
        if (forwardedFor != null || forwarded != null || remoteAddr == null) {
            return false;
        }
        try {
            String addr = remoteAddr.startsWith("[") ? remoteAddr.substring(1, remoteAddr.length() - 1) : remoteAddr;
            // Only IP literals are accepted, so this never asks DNS.
            if (!addr.matches("[0-9a-fA-F:.]+")) {
                return false;
            }
            return InetAddress.getByName(addr).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
