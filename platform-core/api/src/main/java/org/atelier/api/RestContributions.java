package org.atelier.api;

/**
 * What a bundle's own JAX-RS resources carry to join the platform's REST application at {@code /api/v1}, with its
 * JSON provider and its {@code application/problem+json} errors:
 *
 * <pre>
 * &#64;Component(service = VoiceBoards.class)
 * &#64;JakartarsResource
 * &#64;JakartarsApplicationSelect(RestContributions.APPLICATION_SELECT)
 * &#64;JakartarsExtensionSelect(RestContributions.JSON_SELECT)
 * &#64;Path("medical/boards")
 * </pre>
 *
 * Exceptions of this package thrown by a resource become the platform's problem responses (400, 404, 422, 429, 503).
 */
public final class RestContributions {

    /** The whiteboard name of the platform's application. */
    public static final String APPLICATION_NAME = "atelier";
    /** Selects the platform's application. */
    public static final String APPLICATION_SELECT = "(osgi.jakartars.name=" + APPLICATION_NAME + ")";
    /** The whiteboard name of the platform's JSON provider. */
    public static final String JSON_NAME = "atelier.jackson";
    /** Requires the platform's JSON provider. */
    public static final String JSON_SELECT = "(osgi.jakartars.name=" + JSON_NAME + ")";
    /** The media type of every error. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private RestContributions() {
    }
}
