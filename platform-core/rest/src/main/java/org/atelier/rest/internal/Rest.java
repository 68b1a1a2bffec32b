package org.atelier.rest.internal;

/** Names that tie the platform's JAX-RS pieces together. */
final class Rest {

    /** The whiteboard name of the one application, served at {@code /api/v1}. */
    static final String APP = "atelier";
    static final String APP_SELECT = "(osgi.jakartars.name=" + APP + ")";
    /** The whiteboard name of the one JSON provider. */
    static final String JSON = "atelier.jackson";
    static final String JSON_SELECT = "(osgi.jakartars.name=" + JSON + ")";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_BASE = "https://atelier.invalid/problems/";

    private Rest() {
    }
}
