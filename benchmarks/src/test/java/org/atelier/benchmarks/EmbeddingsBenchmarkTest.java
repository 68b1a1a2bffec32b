package org.atelier.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddingsBenchmarkTest {

    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private volatile int status;
    private volatile String answer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/inference/embeddings", exchange -> {
            exchange.getRequestBody().readAllBytes();
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URL endpoint() throws IOException {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/inference/embeddings").toURL();
    }

    @Test
    void sendsTheKeyAndReturnsTheBody() throws IOException {
        status = 200;
        answer = "{\"data\":[]}";

        byte[] body = EmbeddingsBenchmark.post(endpoint(), "bench-key-0123456789", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"data\":[]}");
        assertThat(authorization.get()).isEqualTo("Bearer bench-key-0123456789");
    }

    @Test
    void aRefusalWithoutBodyFailsWithItsStatus() throws IOException {
        status = 401;
        answer = "";

        assertThatThrownBy(() -> EmbeddingsBenchmark.post(endpoint(), "wrong", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("(no body)");
    }

    @Test
    void anErrorAnswerFailsWithItsStatusAndBody() throws IOException {
        status = 429;
        answer = "{\"title\":\"Too Many Requests\"}";

        assertThatThrownBy(() -> EmbeddingsBenchmark.post(endpoint(), "k", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 429")
                .hasMessageContaining("Too Many Requests");
    }
}
