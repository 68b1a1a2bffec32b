package org.atelier.speech.espeak.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.atelier.api.UnsupportedInputException;
import org.atelier.api.speech.Segment;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.SpeechEngine;
import org.atelier.api.speech.Timing;
import org.atelier.api.speech.Voice;

/**
 * espeak-ng as a {@link SpeechEngine}: one voice per language espeak has, word timings from its WORD events (mapped
 * back to the segment's written text) and phoneme timings, in IPA, from its PHONEME events; 16-bit mono at espeak's
 * rate (22050 Hz).
 *
 * <p>Rate, pitch and volume map 1 to espeak's defaults (175 words a minute, pitch 50, volume 100) and scale linearly,
 * clamped to what espeak takes (80 to 450, 0 to 100, 0 to 200). A segment's {@link Segment#phonemes() IPA phonemes}
 * are given to English voices as espeak's phoneme input ({@code [[t@m'eIt#oU]]}, {@link EspeakPhones}); the segment's
 * written words then share its time. Other voices speak the written text.
 *
 * <p>Mandarin: text with Han characters is turned into numbered pinyin by HanLP and spoken with espeak's
 * {@code cmn-latn-pinyin} voice, which has real tones; each word timing is then one character. The Mandarin voice is
 * offered twice, as {@code espeak-ng:cmn} (language {@code cmn}) and {@code espeak-ng:zh} (language {@code zh}),
 * because {@link Voice#speaks} matches by prefix and no single tag is a prefix of both {@code cmn} and {@code zh-CN}.
 */
final class EspeakEngine implements SpeechEngine {

    static final String ID = "espeak-ng";

    /** Voices left out: scripts of a language already offered (Pinglish, Jyutping, the pinyin voice, used inside
     *  the Mandarin voice) and fictional languages. */
    private static final Set<String> LEFT_OUT = Set.of("ira/fa-latn", "sit/yue-latn-jyutping", "sit/cmn-latn-pinyin",
            "art/piqd", "art/qya", "art/sjn", "art/py", "art/qdb");

    /** An offered voice and the espeak voice that speaks it. */
    record Entry(Voice voice, String espeakVoice, boolean mandarin) {
    }

    private final Espeak espeak;
    private final ClassLoader loader;
    private final Map<String, Entry> entries;
    private final List<Voice> voices;
    /** espeak's pinyin voice, or {@code null} when this espeak has none (Han characters then go to {@code cmn}). */
    private final String pinyinVoice;

    EspeakEngine(Espeak espeak, ClassLoader loader) {
        this.espeak = espeak;
        this.loader = loader;
        List<Espeak.VoiceInfo> all = espeak.voices();
        this.entries = entries(all);
        this.voices = entries.values().stream().map(Entry::voice).toList();
        this.pinyinVoice = all.stream().map(Espeak.VoiceInfo::identifier)
                .filter(i -> i != null && i.toLowerCase(Locale.ROOT).endsWith("cmn-latn-pinyin"))
                .findFirst().orElse(null);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Voice> voices() {
        return voices;
    }

    /**
     * English voices read IPA through {@link EspeakPhones}; other voices speak a segment's written text, since
     * espeak's phoneme names differ from language to language and no table is kept for them.
     */
    @Override
    public List<String> unknownPhonemes(Voice voice, String ipa) {
        Entry entry = entries.get(voice.id());
        return entry == null || !english(entry) ? List.of() : EspeakPhones.map(ipa).unknown();
    }

    static boolean english(Entry entry) {
        return entry.voice().language().toLowerCase(Locale.ROOT).startsWith("en");
    }

    /** @return espeak's phoneme input for the IPA, or {@code null} when it has nothing to say */
    static String phonemes(String ipa) {
        EspeakPhones.Mapped m = EspeakPhones.map(ipa);
        if (!m.unknown().isEmpty()) {
            throw new UnsupportedInputException("espeak-ng cannot say the IPA " + String.join(" ", m.unknown())
                    + " in /" + ipa + "/");
        }
        return m.phonemes().isBlank() ? null : m.input();
    }

    /** Loads HanLP's pinyin dictionary (about a second), so the first Mandarin request does not wait for it. */
    void warmUp() {
        Mandarin.toPinyin("你好", loader);
    }

    @Override
    public Speech synthesize(Voice voice, List<Segment> segments) {
        Entry entry = entries.get(voice.id());
        if (entry == null) {
            throw new UnsupportedInputException("espeak-ng has no voice " + voice.id());
        }
        int rate = espeak.sampleRate();
        short[] audio = new short[0];
        int length = 0;
        List<Timing> words = new ArrayList<>();
        List<Timing> phonemes = new ArrayList<>();
        for (Segment s : segments) {
            Said said = said(entry, s);
            if (said != null) {
                Espeak.Result r;
                try {
                    r = espeak.speak(said.voice(), espeakRate(s.rate()), espeakPitch(s.pitch()),
                            espeakVolume(s.volume()), said.text(), said.phonemes());
                } catch (IllegalStateException e) { // an espeak error, or stopped
                    throw new UnsupportedInputException("espeak-ng could not speak this: " + e.getMessage());
                }
                if (!said.phonemes()) {
                    timings(r, s.text().codePoints().toArray(), said.origin(), length, rate, words, phonemes);
                } else {
                    // espeak's word events point into the phoneme names: the written words share the time
                    timings(r, new int[0], null, length, rate, new ArrayList<>(), phonemes);
                    String written = s.text().isBlank() ? s.phonemes() : s.text().strip();
                    words.addAll(split(written, (int) (length * 1000L / rate),
                            (int) ((length + (long) r.pcm().length) * 1000 / rate)));
                }
                audio = ensure(audio, length + r.pcm().length);
                System.arraycopy(r.pcm(), 0, audio, length, r.pcm().length);
                length += r.pcm().length;
            }
            int pause = (int) Math.round(s.pauseAfterMs() * (double) rate / 1000);
            audio = ensure(audio, length + pause);
            length += pause; // the new part of the array is already 0: silence
        }
        return new Speech(rate, Arrays.copyOf(audio, length), words, phonemes, voice);
    }

    /**
     * What espeak is given for a segment.
     *
     * @param voice the espeak voice
     * @param text the text, or {@code [[…]]} phoneme names
     * @param origin for a text converted from the written one, the written code point each of its code points came
     *        from; {@code null} when it is the written text
     * @param phonemes whether {@code text} is phoneme input
     */
    record Said(String voice, String text, int[] origin, boolean phonemes) {
    }

    /** @return what to give espeak for a segment, or {@code null} when it has nothing to say (a pause) */
    Said said(Entry entry, Segment s) {
        String ipa = s.phonemes() == null || !english(entry) ? null : phonemes(s.phonemes());
        if (ipa != null) {
            return new Said(entry.espeakVoice(), ipa, null, true);
        }
        if (s.text().isBlank()) {
            return null;
        }
        if (entry.mandarin() && pinyinVoice != null && (Mandarin.hasHan(s.text()) || Mandarin.isPinyin(s.text()))) {
            Mandarin.Converted c = Mandarin.toPinyin(s.text(), loader);
            return new Said(pinyinVoice, c.text(), c.origin(), false);
        }
        return new Said(entry.espeakVoice(), s.text(), null, false);
    }

    /** @return what espeak is given for a segment spoken by one of its voices */
    Said said(Voice voice, Segment s) {
        Entry entry = entries.get(voice.id());
        if (entry == null) {
            throw new UnsupportedInputException("espeak-ng has no voice " + voice.id());
        }
        return said(entry, s);
    }

    private static short[] ensure(short[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
    }

    static int espeakRate(double rate) {
        return clamp(175 * rate, 80, 450);
    }

    static int espeakPitch(double pitch) {
        return clamp(50 * pitch, 0, 100);
    }

    static int espeakVolume(double volume) {
        return clamp(100 * volume, 0, 200);
    }

    private static int clamp(double v, int min, int max) {
        return (int) Math.max(min, Math.min(max, Math.round(v)));
    }

    /**
     * Word and phoneme timings of one espeak call. A word runs from its WORD event to the next word, pause or end;
     * its text is cut from the written text ({@code written}, code points), through {@code origin} when espeak spoke
     * a converted text. espeak sometimes says two words as one ("on the") and gives an event for the first only:
     * the swallowed word then joins the one before it, and the two share its time in proportion to their lengths
     * (an estimate: espeak does not say where one ends). A phoneme runs to the next phoneme, pause or end; pauses
     * ({@code _}, {@code _:}) are not listed.
     *
     * @param offset samples spoken before this call
     */
    static void timings(Espeak.Result r, int[] written, int[] origin, long offset, int rate, List<Timing> words,
                        List<Timing> phonemes) {
        List<Espeak.Event> ev = r.events();
        int last = r.pcm().length;
        List<int[]> spans = new ArrayList<>();
        List<Espeak.Event> wordEvents = new ArrayList<>();
        for (Espeak.Event e : ev) {
            if (e.type() == EspeakLib.EVENT_WORD && e.length() > 0) {
                int[] span = origin == null ? new int[] {e.textPosition() - 1, e.textPosition() - 1 + e.length()}
                        : span(origin, e.textPosition() - 1, e.length());
                if (span != null && span[0] >= 0 && span[0] < written.length) {
                    spans.add(new int[] {span[0], Math.min(Math.max(span[1], span[0]), written.length)});
                    wordEvents.add(e);
                }
            }
        }
        int w = 0;
        for (int i = 0; i < ev.size(); i++) {
            Espeak.Event e = ev.get(i);
            if (w < wordEvents.size() && e == wordEvents.get(w)) {
                int[] span = spans.get(w);
                int next = w + 1 < spans.size() ? Math.max(spans.get(w + 1)[0], span[1]) : written.length;
                w++;
                String text = text(written, span[0], span[1], next);
                if (text.isEmpty()) {
                    continue;
                }
                int end = last;
                for (int j = i + 1; j < ev.size(); j++) {
                    Espeak.Event n = ev.get(j);
                    if (n.type() != EspeakLib.EVENT_PHONEME || isPause(n.phoneme())) {
                        end = n.sample();
                        break;
                    }
                }
                Timing t = timing(text, e.sample(), end, last, offset, rate);
                words.addAll(split(t.text(), t.startMs(), t.endMs()));
            } else if (e.type() == EspeakLib.EVENT_PHONEME && !isPause(e.phoneme())) {
                int end = last;
                for (int j = i + 1; j < ev.size(); j++) {
                    Espeak.Event n = ev.get(j);
                    if (n.type() != EspeakLib.EVENT_WORD) {
                        end = n.sample();
                        break;
                    }
                }
                phonemes.add(timing(e.phoneme(), e.sample(), end, last, offset, rate));
            }
        }
    }

    private static Timing timing(String text, int start, int end, int last, long offset, int rate) {
        long s = Math.min(Math.max(start, 0), last);
        long e = Math.min(Math.max(end, s), last);
        return new Timing(text, (int) ((offset + s) * 1000 / rate), (int) ((offset + e) * 1000 / rate));
    }

    private static boolean isPause(String phoneme) {
        return phoneme == null || phoneme.isBlank() || phoneme.startsWith("_");
    }

    /** @return one timing per whitespace-separated word of {@code text}, sharing the time by their lengths */
    static List<Timing> split(String text, int startMs, int endMs) {
        String[] parts = text.split("\\s+");
        if (parts.length == 1) {
            return List.of(new Timing(text, startMs, endMs));
        }
        int total = Arrays.stream(parts).mapToInt(p -> p.codePointCount(0, p.length())).sum();
        List<Timing> out = new ArrayList<>();
        int done = 0;
        int at = startMs;
        for (String p : parts) {
            done += p.codePointCount(0, p.length());
            int to = startMs + (int) Math.round((endMs - startMs) * (double) done / total);
            out.add(new Timing(p, at, to));
            at = to;
        }
        return out;
    }

    /** @return the written code points {@code [from, to)} that espeak's converted {@code [at, at + length)} came from */
    static int[] span(int[] origin, int at, int length) {
        if (at < 0 || at >= origin.length) {
            return null;
        }
        return new int[] {origin[at], origin[Math.min(at + length, origin.length) - 1] + 1};
    }

    /**
     * @return the written word {@code [from, to)}, stretched over a word espeak swallowed before {@code next} (the
     *         next word's start): up to the last letter or digit there, when there is one
     */
    static String text(int[] written, int from, int to, int next) {
        int end = to;
        for (int i = to; i < Math.min(next, written.length); i++) {
            if (Character.isLetterOrDigit(written[i])) {
                end = i + 1;
            }
        }
        return new String(written, from, end - from).strip();
    }

    /** The voices to offer, the one preferred for a language first. */
    static Map<String, Entry> entries(List<Espeak.VoiceInfo> all) {
        List<Espeak.VoiceInfo> kept = new ArrayList<>();
        for (Espeak.VoiceInfo v : all) {
            if (v.identifier() != null && !v.languages().isEmpty()
                    && !LEFT_OUT.contains(v.identifier().toLowerCase(Locale.ROOT))) {
                kept.add(v);
            }
        }
        kept.sort(Comparator.comparing((Espeak.VoiceInfo v) -> primary(v.languages().get(0).tag()))
                .thenComparingInt(EspeakEngine::claim).thenComparing(Espeak.VoiceInfo::identifier));
        Map<String, Entry> out = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (Espeak.VoiceInfo v : kept) {
            String short_ = v.identifier().substring(v.identifier().lastIndexOf('/') + 1);
            String language = bcp47(v.languages().get(0).tag());
            Voice.Gender gender = v.gender() == 1 ? Voice.Gender.MALE
                    : v.gender() == 2 ? Voice.Gender.FEMALE : Voice.Gender.NEUTRAL;
            boolean mandarin = language.equals("cmn");
            add(out, ids, new Voice(ID + ":" + short_, ID, language, gender, v.name()), v.identifier(), mandarin);
            if (mandarin) {
                add(out, ids, new Voice(ID + ":zh", ID, "zh", gender, v.name()), v.identifier(), true);
            }
        }
        return out;
    }

    private static void add(Map<String, Entry> out, Set<String> ids, Voice voice, String espeakVoice,
                            boolean mandarin) {
        if (ids.add(voice.id().toLowerCase(Locale.ROOT))) {
            out.put(voice.id(), new Entry(voice, espeakVoice, mandarin));
        }
    }

    /** How strongly a voice claims its primary language: its priority for the bare tag, or less than any. */
    private static int claim(Espeak.VoiceInfo v) {
        String p = primary(v.languages().get(0).tag());
        return v.languages().stream().filter(l -> l.tag().equalsIgnoreCase(p)).mapToInt(Espeak.Language::priority)
                .min().orElse(100 + v.languages().get(0).priority());
    }

    private static String primary(String tag) {
        int i = tag.indexOf('-');
        return (i < 0 ? tag : tag.substring(0, i)).toLowerCase(Locale.ROOT);
    }

    /** espeak writes tags in lower case: {@code en-gb-x-rp} becomes {@code en-GB-x-rp}, {@code fa-latn} fa-Latn. */
    static String bcp47(String tag) {
        String[] parts = tag.split("-");
        StringBuilder b = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
        boolean privateUse = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            privateUse |= p.equalsIgnoreCase("x");
            b.append('-');
            if (privateUse) {
                b.append(p.toLowerCase(Locale.ROOT));
            } else if (p.length() == 2 && Character.isLetter(p.charAt(0))) {
                b.append(p.toUpperCase(Locale.ROOT));
            } else if (p.length() == 4 && Character.isLetter(p.charAt(0))) {
                b.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1).toLowerCase(Locale.ROOT));
            } else {
                b.append(p.toLowerCase(Locale.ROOT));
            }
        }
        return b.toString();
    }
}
