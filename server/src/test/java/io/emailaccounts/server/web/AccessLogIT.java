package io.emailaccounts.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.emailaccounts.server.support.PackagedServer;
import io.emailaccounts.server.support.RawHttp;

/**
 * The access log of the packaged server, as an operator runs it: its lines are written by a thread of their own, and
 * a clean stop (SIGTERM, in the middle of a stream of requests) writes the line of every request it answered.
 */
class AccessLogIT {

    private static final String PATH = "/api/crm/emailaccounts/87654321";
    private static final Pattern LINE = Pattern.compile(
            "(?m)\\[([0-9a-f]{32})] io\\.emailaccounts\\.access\\s+: method=GET path=/api/crm/emailaccounts/\\{id} operation=getEmailAccount status=200 "
                    + "duration_ms=\\d+\\.\\d user=\\S+ request_id=\\1$");

    @TempDir
    Path folder;

    @Test
    void shouldWriteTheLineOfEveryAnsweredRequestWhenStoppedMidStream() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        PackagedServer server = PackagedServer.start(folder);
        RawHttp http = server.asAdministrator();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int client = 0; client < 8; client++) {
            clients.submit(() -> {
                try {
                    while (http.get(PATH).status() == 200) {
                        answered.incrementAndGet();
                    }
                } catch (RuntimeException stopped) {
                    // the server is gone: this client is done
                }
            });
        }
        while (answered.get() < 1_000) {
            Thread.sleep(10);
        }
        server.close();
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        Matcher lines = LINE.matcher(server.log());
        int logged = 0;
        while (lines.find()) {
            logged++;
        }
        assertThat(logged).as("access log lines after the stop, one per request answered 200").isEqualTo(answered.get());
    }
}
