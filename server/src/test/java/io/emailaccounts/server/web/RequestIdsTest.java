package io.emailaccounts.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which id a request gets from its headers: the caller's when sane, else its trace's, else a new one. */
class RequestIdsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void shouldTakeASaneIdOfTheCallersOverItsTrace() {
        assertThat(RequestIds.of("ticket-42/retry#2", TRACEPARENT)).isEqualTo("ticket-42/retry#2");
        assertThat(RequestIds.of("x".repeat(RequestIds.MAX_LENGTH), null)).hasSize(RequestIds.MAX_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "tab\there", "line\r\nInjected: yes", "caf\u00e9", "\u007f"})
    void shouldNotTakeAnIdThatCouldBreakALogLineOrAHeader(String id) {
        assertThat(RequestIds.of(id, TRACEPARENT)).isEqualTo(TRACE_ID);
    }

    @Test
    void shouldNotTakeAnIdLongerThanTheBound() {
        assertThat(RequestIds.of("x".repeat(RequestIds.MAX_LENGTH + 1), TRACEPARENT)).isEqualTo(TRACE_ID);
    }

    @Test
    void shouldTakeTheTraceIdOfALaterVersionsTraceparentWithFieldsOfItsOwn() {
        assertThat(RequestIds.of(null, "01-" + TRACE_ID + "-00f067aa0ba902b7-01-later")).isEqualTo(TRACE_ID);
        assertThat(RequestIds.of(null, "01-" + TRACE_ID + "-00f067aa0ba902b7-01")).isEqualTo(TRACE_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // no trace
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // no parent
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // the invalid version
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x", // version 00 has nothing after the flags
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x", // a later version's field without its dash
            "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
            "garbage"})
    void shouldNotTakeTheTraceIdOfAnInvalidTraceparent(String traceparent) {
        String id = RequestIds.of(null, traceparent);
        assertThat(id).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID).isNotEqualTo("0".repeat(32));
    }

    @Test
    void shouldMakeADifferentIdForEachRequestWithoutOne() {
        assertThat(RequestIds.of(null, null)).matches("[0-9a-f]{32}").isNotEqualTo(RequestIds.of(null, null));
    }
}
