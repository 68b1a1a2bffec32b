package org.atelier.medical.voice.internal;

import jakarta.ws.rs.core.SecurityContext;

/**
 * Who asks: the API key's id, and whether it is an admin's. A profile is its maker's: others get a 404, as if it did
 * not exist, and may make their own of the same id (ids are unique per owner); an admin may see and manage every
 * profile. The shell is an admin with no key; its profiles are owner {@code ''}. A request without a principal
 * (the platform's filter lets none through) is {@code "-"}, no key's id, so it sees neither the shell's profiles
 * nor anyone else's.
 *
 * @param key the id of the API key, {@code null} for the shell
 * @param admin whether the caller may manage every profile
 */
record Caller(String key, boolean admin) {

    static final Caller SHELL = new Caller(null, true);

    static Caller of(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            return new Caller("-", false);
        }
        return new Caller(security.getUserPrincipal().getName(), security.isUserInRole("admin"));
    }

    boolean mayUse(String owner) {
        return admin || key != null && key.equals(owner);
    }
}
