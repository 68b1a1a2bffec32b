package org.atelier.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import org.atelier.api.InvalidInputException;
import org.atelier.runtime.ApiKeys;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/keys} (admin): list keys, make one ({@code POST {"name","role"}}; the answer carries the key, shown
 * this once), revoke one ({@code DELETE /keys/ID}).
 */
@Component(service = KeysResource.class)
@JakartarsResource
@JakartarsApplicationSelect(Rest.APP_SELECT)
@JakartarsExtensionSelect(Rest.JSON_SELECT)
@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AuthFilter.ADMIN)
public class KeysResource {

    /** A key as listed: never the key itself. */
    public record KeyDto(String id, String name, String role, String created, String revoked) {
        static KeyDto of(ApiKeys.Key k) {
            return new KeyDto(k.id(), k.name(), k.role().wireName(), time(k.created()), time(k.revoked()));
        }
    }

    /** A new key, with the key to send. */
    public record CreatedDto(String id, String name, String role, String created, String key) {
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    private final ApiKeys keys;

    @Activate
    public KeysResource(@Reference ApiKeys keys) {
        this.keys = keys;
    }

    @GET
    public List<KeyDto> list() {
        return keys.list().stream().map(KeyDto::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("", "send {\"name\":\"…\",\"role\":\"user|admin\"}");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("name") && !f.equals("role")) {
                throw new InvalidInputException(f, "unknown field; a key has name and role");
            }
        });
        JsonNode name = body.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new InvalidInputException("name", "must be 1 to 200 printable characters");
        }
        JsonNode role = body.get("role");
        ApiKeys.Role r;
        try {
            r = role == null || role.isNull() ? ApiKeys.Role.USER : ApiKeys.Role.parse(role.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", e.getMessage());
        }
        ApiKeys.Created made;
        try {
            made = keys.create(name.asText(), r);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("name", e.getMessage());
        }
        ApiKeys.Key k = made.key();
        return Response.created(URI.create("keys/" + k.id()))
                .entity(new CreatedDto(k.id(), k.name(), k.role().wireName(), time(k.created()), made.secret())).build();
    }

    @DELETE
    @Path("{id}")
    public KeyDto revoke(@PathParam("id") String id) {
        try {
            return KeyDto.of(keys.revoke(id));
        } catch (NoSuchElementException e) {
            throw new ProblemException(404, "not-found", "Not found", "no key " + id.replaceAll("[^A-Za-z0-9]", "?"));
        } catch (IllegalStateException e) {
            throw new ProblemException(409, "last-admin-key", "Conflict", e.getMessage());
        }
    }
}
