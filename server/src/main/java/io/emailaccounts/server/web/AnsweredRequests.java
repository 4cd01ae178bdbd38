package io.emailaccounts.server.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter told of each request once it is answered: the status the client gets and how long the answer took, from the
 * filter on. A failure that escapes the filters before the answer is committed is answered 500 by the container (its
 * error page) after they have returned: such a request is told as the 500 it gets.
 */
abstract class AnsweredRequests extends OncePerRequestFilter {

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!wanted()) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        boolean escaped = true;
        try {
            chain.doFilter(request, response);
            escaped = false;
        } finally {
            int status = escaped && !response.isCommitted() ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
            answered(request, status, System.nanoTime() - start);
        }
    }

    /** Whether requests are to be timed and told at all now; they are by default. */
    protected boolean wanted() {
        return true;
    }

    /** The request was answered with this status, this many nanoseconds after it reached the filter. */
    protected abstract void answered(HttpServletRequest request, int status, long nanos);
}
