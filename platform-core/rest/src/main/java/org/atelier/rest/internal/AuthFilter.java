package org.atelier.rest.internal;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;

import org.atelier.runtime.ApiKeys;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Every request but those to {@link PermitAll} resources (health) carries {@code Authorization: Bearer KEY} with a
 * valid API key: otherwise 401. Resources or methods marked {@code @RolesAllowed("admin")} need an admin key:
 * otherwise 403. Everything else is open to {@code user} and {@code admin} keys. The application requires this
 * filter ({@link AtelierApplication}), so there is never a moment when the API answers without it.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName(AuthFilter.NAME)
@JakartarsApplicationSelect(Rest.APP_SELECT)
@JakartarsExtensionSelect(Rest.JSON_SELECT)
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

    static final String NAME = "atelier.auth";
    static final String SELECT = "(osgi.jakartars.name=" + NAME + ")";
    static final String ADMIN = "admin";
    static final String USER = "user";

    /**
     * Optional: while the database is awaited the key store has not started, and the application (health among it)
     * still answers; a request that needs a key then gets 503 + Retry-After.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ApiKeys keys;

    @Context
    ResourceInfo resource;

    public AuthFilter() {
    }

    /** For tests: a filter with its key store. */
    AuthFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Class<?> type = resource == null ? null : resource.getResourceClass();
        if (has(method, type, PermitAll.class)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            request.abortWith(unauthorized(request, "send an API key: Authorization: Bearer KEY"));
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.abortWith(unauthorized(request, "the Authorization header must be 'Bearer KEY'"));
            return;
        }
        ApiKeys store = keys;
        if (store == null) {
            Response r = problem(request, 503, "starting", "Starting",
                    "the API key store is starting (the database is awaited: see /api/v1/health/ready)", null);
            request.abortWith(Response.fromResponse(r).header("Retry-After", 2).build());
            return;
        }
        Optional<ApiKeys.Key> key = store.authenticate(header.substring(7).strip());
        if (key.isEmpty()) {
            request.abortWith(unauthorized(request, "the API key is not valid or was revoked"));
            return;
        }
        ApiKeys.Key k = key.get();
        boolean admin = k.role() == ApiKeys.Role.ADMIN;
        if (needsAdmin(method, type) && !admin) {
            request.abortWith(problem(request, 403, "forbidden", "Forbidden", "this needs an admin key", null));
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new KeyContext(k, secure));
    }

    private static boolean needsAdmin(Method method, Class<?> type) {
        RolesAllowed roles = method == null ? null : method.getAnnotation(RolesAllowed.class);
        if (roles == null && type != null) {
            roles = type.getAnnotation(RolesAllowed.class);
        }
        return roles != null && !Arrays.asList(roles.value()).contains(USER);
    }

    private static boolean has(Method method, Class<?> type, Class<? extends java.lang.annotation.Annotation> a) {
        return method != null && method.isAnnotationPresent(a) || type != null && type.isAnnotationPresent(a);
    }

    private static Response unauthorized(ContainerRequestContext request, String detail) {
        return problem(request, 401, "unauthorized", "Unauthorized", detail, "Bearer realm=\"atelier\"");
    }

    private static Response problem(ContainerRequestContext request, int status, String slug, String title,
                                    String detail, String challenge) {
        String path = request.getUriInfo().getRequestUri().getPath();
        Response.ResponseBuilder b = Response.status(status).type(Rest.PROBLEM_JSON)
                .entity(new Problem(Rest.PROBLEM_BASE + slug, title, status, detail, path, null, null));
        if (challenge != null) {
            b.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        if (request.hasEntity()) {
            // the body is refused unread: the connection closes after this answer, so that a client does not send
            // its next request on a connection the server is about to drop (seen as an EOF in a client's pool)
            b.header("Connection", "close");
        }
        return b.build();
    }

    /** Who calls: the key's id is the principal's name, its role the one role it is in. */
    record KeyContext(ApiKeys.Key key, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return key::id;
        }

        @Override
        public boolean isUserInRole(String role) {
            return key.role().wireName().equals(role) || key.role() == ApiKeys.Role.ADMIN && USER.equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }

    /**
     * @return the id of the key that calls, for ownership; {@code null} for an admin, who sees everyone's
     */
    static String ownerFilter(SecurityContext security) {
        return security == null || security.isUserInRole(ADMIN) ? null : caller(security);
    }

    /** @return the id of the key that calls */
    static String caller(SecurityContext security) {
        Principal p = security == null ? null : security.getUserPrincipal();
        return p == null ? null : p.getName();
    }

    /** @return whether the caller may see what this key started */
    static boolean mayRead(SecurityContext security, String owner) {
        return security != null && (security.isUserInRole(ADMIN) || owner != null && owner.equals(caller(security)));
    }
}
