package io.emailaccounts.server.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address a request came from, as the limits and the sign-in throttle count it. Behind a proxy, it is the
 * client's when the server trusts the proxy's X-Forwarded-For (server.forward-headers-strategy=native) and the proxy's
 * address matches server.tomcat.remoteip.internal-proxies (none by default). An IPv6 address counts as its /64
 * network: one subscriber commonly holds a whole /64, and would otherwise count as billions of addresses.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    /** The address of the request being answered; "unknown" outside a request. */
    static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return counted(request.getRequest().getRemoteAddr());
        }
        return "unknown";
    }

    /** The address a sign-in attempt came from: HTTP Basic's details hold it; else the request being answered. */
    static String of(Authentication attempt) {
        if (attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return counted(details.getRemoteAddress());
        }
        return current();
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 network ({@code 2001:db8:0:0:0:0:0:0/64}). */
    static String counted(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address); // a literal: nothing is looked up
            if (parsed instanceof Inet6Address) {
                byte[] network = parsed.getAddress();
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
