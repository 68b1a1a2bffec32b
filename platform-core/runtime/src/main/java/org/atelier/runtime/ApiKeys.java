package org.atelier.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The API keys that REST callers send as {@code Authorization: Bearer KEY}. Only a key's SHA-256 is stored; the key
 * itself is shown once, when it is made.
 */
@ProviderType
public interface ApiKeys {

    /** What a key may do. */
    enum Role {
        /** run generators, read its own jobs and artifacts */
        USER,
        /** everything: models, keys, metrics, everyone's jobs */
        ADMIN;

        /** @return the name on the wire: {@code user} or {@code admin} */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException naming the roles there are */
        public static Role parse(String s) {
            for (Role r : values()) {
                if (r.wireName().equals(s)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("role is user or admin, not " + s);
        }
    }

    /**
     * A key as it is listed: never the key itself.
     *
     * @param id opaque id, also the owner of the jobs started with it
     * @param name what the key is for
     * @param role its role
     * @param created when it was made
     * @param revoked when it was revoked, {@code null} while it is valid
     */
    record Key(String id, String name, Role role, Instant created, Instant revoked) {
    }

    /**
     * A new key.
     *
     * @param key the key as listed
     * @param secret the key to send; shown this once and stored nowhere
     */
    record Created(Key key, String secret) {
    }

    /** @return the valid key this secret is, if any */
    Optional<Key> authenticate(String secret);

    /**
     * @param name what the key is for, 1 to 200 printable characters
     * @throws IllegalArgumentException when the name is not valid
     */
    Created create(String name, Role role);

    /** @return every key, valid and revoked, oldest first */
    List<Key> list();

    /**
     * Revokes a key at once.
     *
     * @return the key as it is now
     * @throws java.util.NoSuchElementException when there is no such key
     * @throws IllegalStateException when it is the last valid admin key (nobody could manage keys any more)
     */
    Key revoke(String id);
}
