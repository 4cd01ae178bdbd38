package io.emailaccounts.server.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;

/**
 * One structured line per request on the logger {@code io.emailaccounts.access} (INFO), as logfmt:
 * {@code method=PUT path=/api/crm/emailaccounts status=200 duration_ms=3.2 user=admin@example.com}. The path is the
 * operation's template ({@code /api/crm/emailaccounts/{id}}), never the request's own path and query, and nothing of
 * a body or a header is logged, so no secret can reach it. {@link Timer}, the outermost filter, times and logs every
 * request, refused ones included; {@link UserRecorder}, right after the security filters, notes who was signed in.
 *
 * <p>The lines are written by logback's {@link AsyncAppender} ({@link #writeAsynchronously()}): a request thread hands
 * its line over and goes on, one thread formats and writes them to where the log goes (the console, a file), and a
 * clean stop writes every line still queued. The queue never drops a line; when it is full, a request waits.
 */
final class AccessLog {

    static final String LOGGER = "io.emailaccounts.access";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final String USER = AccessLog.class.getName() + ".user";
    private static final String ASYNC_APPENDER = "ACCESS_LOG_ASYNC";
    private static final int QUEUE = 8192;

    private AccessLog() {
    }

    /** Times the request and writes its line ({@link RequestPath#ACCESS_LOG}). */
    static final class Timer extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!log.isInfoEnabled()) {
                chain.doFilter(request, response);
                return;
            }
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                Object user = request.getAttribute(USER);
                long tenthsOfMs = (System.nanoTime() - start + 50_000) / 100_000;
                log.info("method={} path={} status={} duration_ms={}.{} user={}", request.getMethod(),
                        template == null ? "-" : template, response.getStatus(), tenthsOfMs / 10, tenthsOfMs % 10,
                        user == null ? "-" : user);
            }
        }
    }

    /**
     * Sends the access log's lines through an {@link AsyncAppender} to the appenders the log is configured with (its
     * root's), instead of writing them on the request thread. Done once per logging configuration (again when it is
     * replaced); nothing happens when logback is not the logging system.
     */
    static void writeAsynchronously() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger access = context.getLogger(LOGGER);
        if (access.getAppender(ASYNC_APPENDER) != null) {
            return;
        }
        AsyncAppender async = new AsyncAppender();
        async.setName(ASYNC_APPENDER);
        async.setContext(context);
        async.setQueueSize(QUEUE);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(false);
        async.setMaxFlushTime(10_000);
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(async::addAppender);
        if (!async.iteratorForAppenders().hasNext()) {
            return;
        }
        async.start();
        access.addAppender(async);
        access.setAdditive(false);
    }

    /** Notes who the security filters signed in, for the line ({@link RequestPath#ACCESS_LOG_USER}). */
    static final class UserRecorder extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
                request.setAttribute(USER, user.getName());
            }
            chain.doFilter(request, response);
        }
    }
}
