package org.atelier.apicheck.good;

import org.atelier.api.Generator;
import org.atelier.api.storage.VerticalStorage;

/** A vertical's class that uses only the API: the build rule lets its bundle through (see ApiOnlyImportsTest). */
public final class UsesApiOnly {
    private UsesApiOnly() {
    }

    public static String describe(Generator<?> g, VerticalStorage storage) {
        return g.descriptor().id() + " " + storage.dataSource();
    }
}
