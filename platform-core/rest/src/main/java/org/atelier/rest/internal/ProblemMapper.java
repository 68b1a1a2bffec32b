package org.atelier.rest.internal;

import java.util.List;
import java.util.Optional;

import org.atelier.api.GeneratorUnavailableException;
import org.atelier.api.InvalidInputException;
import org.atelier.api.ModelUnavailableException;
import org.atelier.api.NoSuchGeneratorException;
import org.atelier.api.health.StartingException;
import org.atelier.api.NoSuchModelException;
import org.atelier.api.OverloadedException;
import org.atelier.api.UnsupportedInputException;
import org.atelier.runtime.StoreUnavailableException;
import org.atelier.runtime.InputTooLargeException;
import org.atelier.runtime.JobFinishedException;
import org.atelier.runtime.JsonInput;
import org.atelier.runtime.NoSuchJobException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The one place where errors become responses: RFC 9457 {@code application/problem+json}, with the offending
 * fields for invalid input, {@code Retry-After} where a retry helps, and never a stack trace or a class name.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("atelier.problems")
@JakartarsApplicationSelect(Rest.APP_SELECT)
@JakartarsExtensionSelect(Rest.JSON_SELECT)
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        String path = path();
        if (e instanceof JsonProcessingException x) {
            // a body the JSON provider could not read: the same words as the generator binder's
            e = JsonInput.invalid(x);
        }
        if (e instanceof InvalidInputException x) {
            List<Problem.FieldProblem> errors = x.errors().stream()
                    .map(f -> new Problem.FieldProblem(f.field(), f.message())).toList();
            return build(new Problem(Rest.PROBLEM_BASE + "invalid-input", "Invalid input", 400, x.getMessage(), path,
                    errors, null), null);
        }
        if (e instanceof UnsupportedInputException x) {
            return problem(422, "unsupported", "Unsupported request", x.getMessage(), path, null);
        }
        if (e instanceof OverloadedException x) {
            return problem(429, "overloaded", "Too many requests", x.getMessage(), path, x.retryAfterSeconds());
        }
        if (e instanceof NoSuchGeneratorException x) {
            return problem(404, "not-found", "Not found", x.getMessage(), path, null);
        }
        if (e instanceof GeneratorUnavailableException x) {
            return problem(503, "unavailable", "Temporarily unavailable", x.getMessage(), path, x.retryAfterSeconds());
        }
        if (e instanceof StoreUnavailableException x) {
            return problem(503, "store-unavailable", "Database unavailable", x.getMessage(), path,
                    x.retryAfterSeconds());
        }
        if (e instanceof NoSuchJobException x) {
            return problem(404, "not-found", "Not found", x.getMessage(), path, null);
        }
        if (e instanceof JobFinishedException x) {
            return problem(409, "job-finished", "Job finished", x.getMessage(), path, null);
        }
        if (e instanceof NoSuchModelException x) {
            return problem(404, "not-found", "Not found", x.getMessage(), path, null);
        }
        if (e instanceof StartingException x) {
            return problem(503, "starting", "Starting", x.getMessage(), path, x.retryAfterSeconds());
        }
        if (e instanceof ModelUnavailableException x) {
            return problem(503, "model-unavailable", "Model unavailable", x.getMessage(), path, 5);
        }
        if (e instanceof InputTooLargeException x) {
            return problem(413, "too-large", "Request body too large", x.getMessage(), path, null);
        }
        if (e instanceof ProblemException x) {
            Response r = build(new Problem(Rest.PROBLEM_BASE + x.slug, x.title, x.status, x.getMessage(), path, null,
                    x.job), null);
            if (x.headers.isEmpty()) {
                return r;
            }
            Response.ResponseBuilder b = Response.fromResponse(r);
            x.headers.forEach(b::header);
            return b.build();
        }
        if (e instanceof NotFoundException) {
            return problem(404, "not-found", "Not found", own(e).orElse("no resource at " + path), path, null);
        }
        if (e instanceof NotAllowedException x) {
            Response r = problem(405, "method-not-allowed", "Method not allowed",
                    "allowed: " + String.join(", ", x.getResponse().getAllowedMethods()), path, null);
            return Response.fromResponse(r).allow(x.getResponse().getAllowedMethods()).build();
        }
        if (e instanceof NotSupportedException) {
            return problem(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json", path, null);
        }
        if (e instanceof ServiceUnavailableException x) {
            return problem(503, "unavailable", "Temporarily unavailable", own(e).orElse("try again shortly"), path,
                    x.hasRetryAfter() ? retryAfter(x) : 5);
        }
        if (e instanceof WebApplicationException x && x.getResponse().getStatus() < 500) {
            Response.StatusType s = x.getResponse().getStatusInfo();
            return problem(s.getStatusCode(), "http-" + s.getStatusCode(), s.getReasonPhrase(),
                    own(e).orElse(s.getReasonPhrase()), path, null);
        }
        LOG.error("Unexpected error answering {}", path, e);
        return problem(500, "internal", "Internal error", "an unexpected error occurred; it has been logged", path,
                null);
    }

    /**
     * @return the message a resource gave its {@code WebApplicationException} ({@code new NotFoundException("no
     *         profile 'x'")}), not Jersey's own "HTTP 404 Not Found"
     */
    private static Optional<String> own(Throwable e) {
        String m = e.getMessage();
        return m == null || m.startsWith("HTTP ") ? Optional.empty() : Optional.of(m);
    }

    private static int retryAfter(ServiceUnavailableException x) {
        java.util.Date now = new java.util.Date();
        java.util.Date at = x.getRetryTime(now);
        return at == null ? 5 : (int) Math.max(1, (at.getTime() - now.getTime() + 999) / 1000);
    }

    private String path() {
        try {
            return uriInfo == null ? null : uriInfo.getRequestUri().getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Response problem(int status, String slug, String title, String detail, String path,
                                    Integer retryAfter) {
        return build(new Problem(Rest.PROBLEM_BASE + slug, title, status, detail, path, null, null), retryAfter);
    }

    private static Response build(Problem p, Integer retryAfter) {
        Response.ResponseBuilder b = Response.status(p.status()).type(Rest.PROBLEM_JSON).entity(p);
        if (retryAfter != null) {
            b.header("Retry-After", retryAfter);
        }
        return b.build();
    }
}
