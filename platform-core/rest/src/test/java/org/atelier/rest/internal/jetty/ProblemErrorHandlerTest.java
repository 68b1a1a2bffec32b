package org.atelier.rest.internal.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Felix HTTP's own Jetty 12 (the classes embedded in org.apache.felix.http.jetty12), with real sockets. */
class ProblemErrorHandlerTest {

    private Server server;
    private ServerConnector http;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        http = new ServerConnector(server);
        http.setHost("127.0.0.1");
        http.setPort(0);
        server.addConnector(http);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (request.getHttpURI().getPath().endsWith("/missing")) {
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
                response.setStatus(200);
                response.write(true, java.nio.ByteBuffer.wrap("ok".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        // what Felix does: its own ErrorHandler (HTML) on the server, then connectors from ConnectorFactory services
        server.setErrorHandler(new ErrorHandler());
        server.start();
        Connector extra = new ProblemErrorHandlerInstaller().createConnector(server);
        server.addConnector(extra);
        extra.start();
        assertThat(extra).isInstanceOf(LocalConnector.class);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void nulInThePathIs400ProblemJson() throws Exception {
        Answer a = send("GET /api/v1/jobs/%00/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(a.status).isEqualTo(400);
        assertThat(a.contentType).isEqualTo("application/problem+json");
        assertThat(a.json().get("status").asInt()).isEqualTo(400);
        assertThat(a.json().get("title").asText()).isEqualTo("Bad Request");
        assertThat(a.json().get("type").asText()).endsWith("/problems/http-400");
        assertThat(a.body).doesNotContain("<html");
    }

    @Test
    void aTwentyKilobyteHeaderIs431ProblemJson() throws Exception {
        String big = "a".repeat(20_000);
        Answer a = send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n");

        assertThat(a.status).isEqualTo(431);
        assertThat(a.contentType).isEqualTo("application/problem+json");
        assertThat(a.json().get("status").asInt()).isEqualTo(431);
        assertThat(a.json().get("detail").asText()).isEqualTo("the request headers are larger than the server accepts");
    }

    @Test
    void anUnparsableRequestLineIs400ProblemJson() throws Exception {
        Answer a = send("GET /api/v1/jobs/a b c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(a.status).isEqualTo(400);
        assertThat(a.contentType).isEqualTo("application/problem+json");
    }

    @Test
    void anErrorJettyWritesForAnApiPathIsProblemJsonNamingThePath() throws Exception {
        Answer a = send("GET /api/v1/missing HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n");

        assertThat(a.status).isEqualTo(404);
        assertThat(a.contentType).isEqualTo("application/problem+json");
        assertThat(a.json().get("instance").asText()).isEqualTo("/api/v1/missing");
    }

    @Test
    void pathsOutsideTheApiKeepTheHandlerThatWasThere() throws Exception {
        Answer a = send("GET /system/missing HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n");

        assertThat(a.status).isEqualTo(404);
        assertThat(a.contentType).startsWith("text/html");
    }

    @Test
    void aGoodRequestIsUntouched() throws Exception {
        Answer a = send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(a.status).isEqualTo(200);
        assertThat(a.body).isEqualTo("ok");
    }

    private Answer send(String raw) throws IOException {
        try (Socket s = new Socket("127.0.0.1", http.getLocalPort())) {
            OutputStream out = s.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Answer.parse(all);
        }
    }

    private record Answer(int status, String contentType, String body) {
        static Answer parse(String all) {
            int end = all.indexOf("\r\n\r\n");
            String head = all.substring(0, end);
            String body = all.substring(end + 4);
            int status = Integer.parseInt(head.split(" ")[1]);
            String type = null;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    type = line.substring("content-type:".length()).trim();
                }
            }
            return new Answer(status, type, body);
        }

        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }
    }
}
