package io.emailaccounts.server.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import io.emailaccounts.server.security.Routes;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;

/**
 * One line per request on the logger {@code io.emailaccounts.access} (INFO). Its message is logfmt:
 * {@code method=PUT path=/api/crm/emailaccounts operation=updateEmailAccount status=200 duration_ms=3.2
 * user=admin@example.com request_id=4bf92f3577b34da6a3ce929d0e0e4736}; the same values are the line's key-value pairs,
 * named as the Elastic Common Schema names them ({@code http.request.method}, {@code http.response.status_code},
 * {@code event.duration} in nanoseconds, {@code user.name}; {@code event.action} the operationId, {@code http.route} the
 * path template, as OpenTelemetry names it), so that Spring Boot's structured logging writes each as a JSON field of
 * its own, beside the MDC's {@code http.request.id} ({@link RequestIds}); a pair without a value is left out. The path is
 * the operation's template ({@code /api/crm/emailaccounts/{id}}), never the request's own path and query, and nothing
 * of a body or a header is logged but the request's id (a caller's is visible ASCII without spaces), so no secret can
 * reach it. {@link Timer}, before every filter that can refuse a request, times and logs every request, refused ones
 * included; {@link UserRecorder}, right after the security filters, notes who was signed in.
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
    static final class Timer extends AnsweredRequests {

        @Override
        protected boolean wanted() {
            return log.isInfoEnabled();
        }

        @Override
        protected void answered(HttpServletRequest request, int status, long nanos) {
            Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            Object operation = request.getAttribute(Routes.OPERATION);
            Object user = request.getAttribute(USER);
            long tenthsOfMs = (nanos + 50_000) / 100_000;
            LoggingEventBuilder line = log.atInfo().addKeyValue("http.request.method", request.getMethod());
            line = template == null ? line : line.addKeyValue("http.route", template);
            line = operation == null ? line : line.addKeyValue("event.action", operation);
            line = line.addKeyValue("http.response.status_code", status).addKeyValue("event.duration", nanos);
            line = user == null ? line : line.addKeyValue("user.name", user);
            line.log("method={} path={} operation={} status={} duration_ms={}.{} user={} request_id={}",
                    request.getMethod(), dashIfNull(template), dashIfNull(operation), status, tenthsOfMs / 10,
                    tenthsOfMs % 10, dashIfNull(user), RequestIds.of(request));
        }

        private static Object dashIfNull(Object value) {
            return value == null ? "-" : value;
        }
    }

    /**
     * The line of a request the container refused before any filter ran (a malformed request line, headers over the
     * limit; {@link EnvelopeErrorReportValve}), with what is known of it: its status and its id.
     */
    static void containerRefusal(String method, int status, String requestId) {
        if (log.isInfoEnabled()) {
            log.atInfo().addKeyValue("http.request.method", method).addKeyValue("http.response.status_code", status)
                    .log("method={} path=- operation=- status={} duration_ms=- user=- request_id={}", method, status,
                            requestId);
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
