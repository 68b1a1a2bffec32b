package org.atelier.medical.voice.internal.store;

/**
 * Something a person said.
 *
 * @param id its id, to delete it
 * @param language the language it was said in
 * @param text what was said
 * @param spoken when, ISO 8601
 */
public record HistoryEntry(String id, String language, String text, String spoken) {
}
