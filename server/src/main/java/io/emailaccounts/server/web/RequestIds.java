package io.emailaccounts.server.web;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer names its request in {@code Request-Id}, and every log line written while serving it carries the same
 * id (the MDC's {@value #MDC_KEY}, the access log's {@code request_id}), so that what a client quotes to support finds
 * the request's lines. The id is the caller's {@code X-Request-Id} when it is a sane one (1 to {@value #MAX_LENGTH}
 * visible ASCII characters: nothing that could break a log line or a header), else the trace id of the request's trace
 * (the caller's W3C {@code traceparent}'s, or the one the server began for it), else a new one of the same shape (32
 * lowercase hex digits). So an id the server chose also finds the request's spans. A caller's id is the caller's word:
 * it is neither checked for uniqueness nor trusted for anything but finding lines (it is a span's attribute too).
 *
 * <p>{@link Filter} is the first of the server's filters. What Tomcat refuses before the application runs gets its id
 * from {@link EnvelopeErrorReportValve}, through {@link #of(HttpServletRequest)}.
 */
public final class RequestIds {

    /** The answer's header. */
    public static final String HEADER = "Request-Id";

    /** The caller's own id for the request, taken when sane. */
    public static final String CALLERS_HEADER = "X-Request-Id";

    /** The MDC key of the request's id: the field Elastic Common Schema names for it, {@code http.request.id}. */
    public static final String MDC_KEY = "http.request.id";

    /** The longest id taken from a caller. */
    static final int MAX_LENGTH = 128;

    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final int TRACEPARENT_LENGTH = 55;
    private static final HexFormat HEX = HexFormat.of();

    private RequestIds() {
    }

    /** The id the request was given by the filter, or null before (or outside) it. */
    static String given(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String given ? given : null;
    }

    /** The request's id: the one already given to it, else the caller's, else its trace id, else a new one. */
    public static String of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String given) {
            return given;
        }
        return of(request.getHeader(CALLERS_HEADER), request.getHeader("traceparent"));
    }

    /** The id for a request with these headers (either may be null), outside any trace of the server's. */
    static String of(String callersId, String traceparent) {
        return of(callersId, traceparent, () -> null);
    }

    /**
     * The id for a request with these headers (either may be null), in the trace the server keeps of it (its trace id
     * when it has one: the caller's traceparent's, or one the server began), so that the id finds the trace too.
     */
    static String of(String callersId, String traceparent, Supplier<String> currentTraceId) {
        if (isSane(callersId)) {
            return callersId;
        }
        String traceId = currentTraceId.get();
        if (traceId == null || !isHex(traceId) || traceId.length() != 32 || isZeros(traceId)) {
            traceId = traceIdOf(traceparent);
        }
        return traceId != null ? traceId : newId();
    }

    /** 1 to {@value #MAX_LENGTH} characters, each visible ASCII (no space, no control character). */
    static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * The trace id of a valid {@code traceparent} (W3C Trace Context: {@code version-traceid-parentid-flags}, lowercase
     * hex, neither id all zeros, version {@code ff} invalid; a later version may append fields after a dash), else null.
     */
    static String traceIdOf(String traceparent) {
        if (traceparent == null || traceparent.length() < TRACEPARENT_LENGTH) {
            return null;
        }
        String version = traceparent.substring(0, 2);
        boolean exact = traceparent.length() == TRACEPARENT_LENGTH;
        if (!isHex(version) || version.equals("ff") || (version.equals("00") ? !exact
                : !exact && traceparent.charAt(TRACEPARENT_LENGTH) != '-')) {
            return null;
        }
        String traceId = traceparent.substring(3, 35);
        String parentId = traceparent.substring(36, 52);
        boolean wellFormed = traceparent.charAt(2) == '-' && traceparent.charAt(35) == '-' && traceparent.charAt(52) == '-'
                && isHex(traceId) && isHex(parentId) && isHex(traceparent.substring(53, 55))
                && !isZeros(traceId) && !isZeros(parentId);
        return wellFormed ? traceId : null;
    }

    /** A new id: 128 random bits as 32 lowercase hex digits, the shape of a W3C trace id. */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZeros(String text) {
        return text.chars().allMatch(c -> c == '0');
    }

    /**
     * Gives the request its id ({@link RequestPath#REQUEST_ID}): the answer's header, set before anything else can
     * answer, and the MDC while the request is served, its error dispatch included.
     */
    static final class Filter extends OncePerRequestFilter {

        private final Supplier<String> currentTraceId;

        /** @param currentTraceId the trace id of the request's span, where the server traces requests; else null */
        Filter(Supplier<String> currentTraceId) {
            this.currentTraceId = currentTraceId;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String id = request.getAttribute(ATTRIBUTE) instanceof String given ? given
                    : of(request.getHeader(CALLERS_HEADER), request.getHeader("traceparent"), currentTraceId);
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(HEADER, id);
            withId(id, request, response, chain);
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
                                                   FilterChain chain) throws ServletException, IOException {
            withId(of(request), request, response, chain);
        }

        /** The chain with the id in the MDC; what was there before (a dispatch nested in the request's) is put back. */
        private static void withId(String id, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String outer = MDC.get(MDC_KEY);
            MDC.put(MDC_KEY, id);
            try {
                chain.doFilter(request, response);
            } finally {
                if (outer == null) {
                    MDC.remove(MDC_KEY);
                } else {
                    MDC.put(MDC_KEY, outer);
                }
            }
        }
    }
}
