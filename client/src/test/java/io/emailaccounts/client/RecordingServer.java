package io.emailaccounts.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

/** A local HTTP server that answers with canned responses and records every request it gets. */
final class RecordingServer implements AutoCloseable {

    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    /** Reads the request and closes the connection without an answer, as a server that died mid-request. */
    private static final int NO_ANSWER = -1;
    /** Reads the request and never answers, the connection left open until the server closes. */
    private static final int MUTE = -2;

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    RecordingServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            synchronized (this) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Map.copyOf(exchange.getRequestHeaders()), body));
                answer = answers.isEmpty() ? new Answer(500, "", Map.of()) : answers.poll();
            }
            if (answer.status() == MUTE) {
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (answer.status() == NO_ANSWER || answer.status() == MUTE) {
                exchange.close();
                return;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    synchronized RecordingServer answer(int status, String body) {
        return answer(status, body, Map.of());
    }

    synchronized RecordingServer answer(int status, String body, Map<String, String> headers) {
        answers.add(new Answer(status, body, headers));
        return this;
    }

    /** Reads the next request and closes the connection without answering: the answer is lost. */
    synchronized RecordingServer loseAnswer() {
        answers.add(new Answer(NO_ANSWER, "", Map.of()));
        return this;
    }

    /** Reads the next request and never answers it (until the server closes). */
    synchronized RecordingServer stayMute() {
        answers.add(new Answer(MUTE, "", Map.of()));
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
