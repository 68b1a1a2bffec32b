package org.atelier.rest.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time, for a person to read
 * @param instance the request path
 * @param errors the offending fields, for invalid input
 * @param job the job, when a generator failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Problem.FieldProblem> errors, Object job) {

    /**
     * One offending field.
     *
     * @param field JSON path of the field, empty for the body as a whole
     * @param message what is wrong with it
     */
    public record FieldProblem(String field, String message) {
    }
}
