package org.atelier.shell.internal;

/** A generator address typed in the shell: {@code vertical/id}. */
record GeneratorId(String vertical, String id) {

    static GeneratorId parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("a generator is named vertical/id, e.g. medical/voice; got: " + text);
        }
        return new GeneratorId(text.substring(0, slash), text.substring(slash + 1));
    }
}
