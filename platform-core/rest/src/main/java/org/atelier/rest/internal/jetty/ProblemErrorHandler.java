package org.atelier.rest.internal.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.atelier.rest.internal.Problem;
import org.atelier.rest.internal.Rest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jetty's own error answers (a URI it cannot decode, a NUL in the path, headers too large, a request line it cannot
 * parse) as RFC 9457 {@code application/problem+json}, the same shape {@code ProblemMapper} gives the JAX-RS
 * application. Errors on paths outside {@code /api/} go to the handler Felix installed before, so anything else on
 * the server keeps its own pages. A request Jetty could not parse (its path is then unknown, whatever it was) is
 * answered as problem+json.
 */
public class ProblemErrorHandler extends ErrorHandler {

    static final String API_PREFIX = "/api/";
    /** The URI Jetty 12 gives the request it makes for a message it could not parse: the real path is unknown. */
    static final String BAD_MESSAGE = "/badMessage";
    private static final int MAX_INSTANCE = 512;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Request.Handler previous;

    /** @param previous the server's error handler before this one, for paths outside {@code /api/}; may be null */
    public ProblemErrorHandler(Request.Handler previous) {
        this.previous = previous;
    }

    Request.Handler previous() {
        return previous;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (previous != null && !isApi(path(request))) {
            return previous.handle(request, response, callback);
        }
        return super.handle(request, response, callback);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        byte[] body = body(code, message, instance(path(request)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Rest.PROBLEM_JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** The body of an answer Jetty gives before any request exists (HTTP/1 parser failures on some paths). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Rest.PROBLEM_JSON));
        return ByteBuffer.wrap(body(status, reason, null));
    }

    static byte[] body(int code, String message, String instance) {
        String title = HttpStatus.getMessage(code);
        Problem p = new Problem(Rest.PROBLEM_BASE + "http-" + code, title, code, detail(code, message, title),
                instance, null, null);
        try {
            return JSON.writeValueAsBytes(p);
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + code + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Jetty's reason in plain words; its internal wording ("Ambiguous URI encoding") is kept, it names the fault. */
    private static String detail(int code, String message, String title) {
        if (code == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431) {
            return "the request headers are larger than the server accepts";
        }
        if (code == HttpStatus.URI_TOO_LONG_414) {
            return "the request URI is longer than the server accepts";
        }
        if (message == null || message.isBlank() || message.equals(title)) {
            return title;
        }
        return message;
    }

    private static String path(Request request) {
        try {
            HttpURI uri = request == null ? null : request.getHttpURI();
            return uri == null ? null : uri.getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isApi(String path) {
        return path == null || path.isEmpty() || path.equals(BAD_MESSAGE) || path.startsWith(API_PREFIX);
    }

    private static String instance(String path) {
        return path == null || path.equals(BAD_MESSAGE) || path.length() > MAX_INSTANCE ? null : path;
    }
}
