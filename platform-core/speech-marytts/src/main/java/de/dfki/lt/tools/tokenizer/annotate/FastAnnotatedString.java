package de.dfki.lt.tools.tokenizer.annotate;

import java.text.CharacterIterator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Clean-room minimal implementation (not jtok code). Each key keeps non-overlapping ranges [begin,end) in a
 * TreeMap keyed by begin. Runs are delimited by range boundaries, so two adjacent tokens stay two runs even if
 * their values are equal.
 */
public class FastAnnotatedString implements AnnotatedString {
    private final String text;
    private final Map<String, TreeMap<Integer, Range>> annotations = new HashMap<>();
    private int index;

    private record Range(int begin, int end, Object value) {}

    public FastAnnotatedString(String text) {
        this.text = text;
    }

    /** Annotates [begin,end) with key=value; ranges it overlaps are removed. Empty ranges are ignored. */
    public void annotate(String key, Object value, int begin, int end) {
        if (begin < 0 || end > text.length() || begin > end) {
            throw new IllegalArgumentException("bad range " + begin + ".." + end + " for length " + text.length());
        }
        if (begin == end) return;
        TreeMap<Integer, Range> ranges = annotations.computeIfAbsent(key, k -> new TreeMap<>());
        Map.Entry<Integer, Range> before = ranges.lowerEntry(begin);
        if (before != null && before.getValue().end > begin) ranges.remove(before.getKey());
        ranges.subMap(begin, true, end, false).clear();
        ranges.put(begin, new Range(begin, end, value));
    }

    @Override
    public char setIndex(int i) {
        if (i < 0) throw new IllegalArgumentException("index " + i);
        index = i;
        return i < text.length() ? text.charAt(i) : CharacterIterator.DONE;
    }

    public int getIndex() {
        return index;
    }

    private Range rangeAt(String key) {
        TreeMap<Integer, Range> ranges = annotations.get(key);
        if (ranges == null) return null;
        Map.Entry<Integer, Range> e = ranges.floorEntry(index);
        return e != null && e.getValue().end > index ? e.getValue() : null;
    }

    @Override
    public Object getAnnotation(String key) {
        Range r = rangeAt(key);
        return r == null ? null : r.value;
    }

    @Override
    public int getRunStart(String key) {
        Range r = rangeAt(key);
        if (r != null) return r.begin;
        TreeMap<Integer, Range> ranges = annotations.get(key);
        Map.Entry<Integer, Range> prev = ranges == null ? null : ranges.floorEntry(index);
        return prev == null ? 0 : prev.getValue().end;
    }

    @Override
    public int getRunLimit(String key) {
        Range r = rangeAt(key);
        if (r != null) return r.end;
        TreeMap<Integer, Range> ranges = annotations.get(key);
        Integer next = ranges == null ? null : ranges.higherKey(index);
        return next == null ? text.length() : next;
    }

    @Override
    public String substring(int begin, int end) {
        return text.substring(begin, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
