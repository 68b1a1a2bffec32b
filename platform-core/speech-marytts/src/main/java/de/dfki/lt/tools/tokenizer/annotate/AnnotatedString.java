package de.dfki.lt.tools.tokenizer.annotate;

/**
 * Clean-room replacement for the part of jtok's AnnotatedString that marytts.modules.JTokeniser calls.
 * A string whose character ranges carry annotations (key -> value); a cursor selects the current character.
 */
public interface AnnotatedString {
    /** Moves the cursor; returns the character there, or CharacterIterator.DONE ('\uFFFF') at or past the end. */
    char setIndex(int index);

    /** Start of the run around the cursor: the annotated range containing it, or the un-annotated gap containing it. */
    int getRunStart(String key);

    /** End (exclusive) of the run around the cursor. Always greater than the cursor while the cursor is inside the string. */
    int getRunLimit(String key);

    /** Value annotated for key at the cursor, or null. */
    Object getAnnotation(String key);

    String substring(int begin, int end);
}
