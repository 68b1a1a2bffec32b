package org.atelier.rest.internal;

import org.atelier.api.RestContributions;

/** Names that tie the platform's JAX-RS pieces together. */
public final class Rest {

    static final String APP = RestContributions.APPLICATION_NAME;
    static final String APP_SELECT = RestContributions.APPLICATION_SELECT;
    static final String JSON = RestContributions.JSON_NAME;
    static final String JSON_SELECT = RestContributions.JSON_SELECT;
    public static final String PROBLEM_JSON = RestContributions.PROBLEM_JSON;
    public static final String PROBLEM_BASE = "https://atelier.invalid/problems/";

    private Rest() {
    }
}
