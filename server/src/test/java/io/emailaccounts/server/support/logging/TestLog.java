package io.emailaccounts.server.support.logging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.Encoder;

/**
 * Where the log goes in tests (src/test/resources/logback-test.xml): kept, formatted as the console would show it,
 * until the test ends; {@link PrintLogOnFailure} prints it when the test failed and drops it otherwise. A passing
 * build stays quiet, a failing test shows everything the server logged while it ran. Tests that check what is logged
 * read {@link #text()}.
 */
public final class TestLog extends AppenderBase<ILoggingEvent> {

    /** The most kept: a test that logs more shows only its last lines. */
    private static final int MAX_LINES = 20_000;
    private static final Deque<String> LINES = new ArrayDeque<>();
    private static int dropped;

    private Encoder<ILoggingEvent> encoder;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String text = new String(encoder.encode(event), StandardCharsets.UTF_8);
        synchronized (LINES) {
            LINES.addLast(text);
            if (LINES.size() > MAX_LINES) {
                LINES.removeFirst();
                dropped++;
            }
        }
    }

    /** What was logged since the log was last taken, as the console would show it. */
    public static String text() {
        synchronized (LINES) {
            return String.join("", LINES);
        }
    }

    /** What was logged since the last call, which starts the log anew. */
    static String take() {
        synchronized (LINES) {
            String text = (dropped > 0 ? "(" + dropped + " earlier lines left out)\n" : "") + String.join("", LINES);
            LINES.clear();
            dropped = 0;
            return text;
        }
    }
}
