package org.atelier.speech.marytts.internal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.atelier.api.UnsupportedInputException;
import org.atelier.api.speech.Segment;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.SpeechEngine;
import org.atelier.api.speech.Timing;
import org.atelier.api.speech.Voice;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.traversal.DocumentTraversal;
import org.w3c.dom.traversal.NodeFilter;
import org.w3c.dom.traversal.NodeIterator;

import marytts.LocalMaryInterface;
import marytts.datatypes.MaryData;
import marytts.datatypes.MaryDataType;
import marytts.modules.ModuleRegistry;
import marytts.server.Request;

/**
 * MaryTTS in-process. One pass per stretch of speech: text (as SSML, for rate, pitch and pauses) to acoustic
 * parameters through MaryTTS's pipeline, then its synthesis module, which returns the audio and keeps the MaryXML on
 * which every phone's realised duration is written; word and phoneme times are summed from that document.
 * (MaryTTS's own REALISED_DURATIONS output counts times twice from the second sentence on.)
 *
 * <p>Volume is applied to the samples here: MaryTTS ignores it in SSML. IPA phonemes are not understood by MaryTTS;
 * such a stretch is spoken from its written form.
 */
final class MaryTtsEngine implements SpeechEngine {

    static final String ID = "marytts";

    private final ClassLoader loader;
    private final Semaphore running = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
    private volatile List<Voice> voices = List.of();

    MaryTtsEngine(ClassLoader loader) {
        this.loader = loader;
    }

    /** Starts MaryTTS: its configuration is found once, through the context class loader, so that must be ours. */
    void start() throws Exception {
        withLoader(() -> {
            new LocalMaryInterface();
            List<Voice> found = new ArrayList<>();
            for (marytts.modules.synthesis.Voice v : marytts.modules.synthesis.Voice.getAvailableVoices()) {
                Voice.Gender g = v.gender() != null && "male".equalsIgnoreCase(v.gender().toString())
                        ? Voice.Gender.MALE : Voice.Gender.FEMALE;
                found.add(new Voice(ID + ":" + v.getName(), ID, v.getLocale().toLanguageTag(), g, v.getName()));
            }
            voices = List.copyOf(found);
            return null;
        });
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Voice> voices() {
        return voices;
    }

    @Override
    public Speech synthesize(Voice voice, List<Segment> segments) {
        marytts.modules.synthesis.Voice mary = marytts.modules.synthesis.Voice.getVoice(voice.name());
        if (mary == null) {
            throw new UnsupportedInputException("MaryTTS has no voice " + voice.name());
        }
        running.acquireUninterruptibly();
        try {
            List<short[]> audio = new ArrayList<>();
            List<Timing> words = new ArrayList<>();
            List<Timing> phonemes = new ArrayList<>();
            int rate = 0;
            long done = 0;
            // stretches of one loudness are spoken in one go, so a sentence keeps its intonation
            for (List<Segment> group : byVolume(segments)) {
                Part part = withLoader(() -> speak(mary, ssml(group, voice.language())));
                rate = part.rate;
                short[] pcm = scale(part.pcm, group.get(0).volume());
                int at = (int) (done * 1000 / rate);
                part.words.forEach(t -> words.add(t.shift(at)));
                part.phonemes.forEach(t -> phonemes.add(t.shift(at)));
                audio.add(pcm);
                done += pcm.length;
            }
            short[] all = new short[(int) done];
            int p = 0;
            for (short[] a : audio) {
                System.arraycopy(a, 0, all, p, a.length);
                p += a.length;
            }
            return new Speech(rate == 0 ? mary.dbAudioFormat().getSampleRate() > 0
                    ? (int) mary.dbAudioFormat().getSampleRate() : 16_000 : rate, all, words, phonemes, voice);
        } catch (UnsupportedInputException e) {
            throw e;
        } catch (Exception e) {
            throw new UnsupportedInputException("MaryTTS could not speak this: " + e.getMessage());
        } finally {
            running.release();
        }
    }

    private record Part(int rate, short[] pcm, List<Timing> words, List<Timing> phonemes) {
    }

    static List<List<Segment>> byVolume(List<Segment> segments) {
        List<List<Segment>> out = new ArrayList<>();
        for (Segment s : segments) {
            if (out.isEmpty() || out.get(out.size() - 1).get(0).volume() != s.volume()) {
                out.add(new ArrayList<>());
            }
            out.get(out.size() - 1).add(s);
        }
        return out;
    }

    /** SSML that MaryTTS honours: prosody rate and pitch as relative percentages, and breaks. */
    static String ssml(List<Segment> group, String language) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><speak version=\"1.0\" "
                + "xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"" + escape(language) + "\">");
        for (Segment s : group) {
            if (!s.text().isBlank()) {
                long rate = Math.round((s.rate() - 1) * 100);
                long pitch = Math.round((s.pitch() - 1) * 100);
                if (rate == 0 && pitch == 0) {
                    b.append(escape(s.text())).append(' ');
                } else {
                    b.append("<prosody");
                    if (rate != 0) {
                        b.append(String.format(Locale.ROOT, " rate=\"%+d%%\"", rate));
                    }
                    if (pitch != 0) {
                        b.append(String.format(Locale.ROOT, " pitch=\"%+d%%\"", pitch));
                    }
                    b.append('>').append(escape(s.text())).append("</prosody> ");
                }
            }
            if (s.pauseAfterMs() > 0) {
                b.append("<break time=\"").append(s.pauseAfterMs()).append("ms\"/>");
            }
        }
        return b.append("</speak>").toString();
    }

    private static Part speak(marytts.modules.synthesis.Voice voice, String ssml) throws Exception {
        Locale locale = voice.getLocale();
        AudioFileFormat aff = new AudioFileFormat(AudioFileFormat.Type.WAVE, voice.dbAudioFormat(),
                AudioSystem.NOT_SPECIFIED);
        Request request = new Request(MaryDataType.SSML, MaryDataType.ACOUSTPARAMS, locale, voice, null, null, 1,
                aff, false, null);
        MaryData in = new MaryData(MaryDataType.SSML, locale);
        in.setData(ssml);
        request.setInputData(in);
        request.process();
        Document params = request.getOutputData().getDocument();
        MaryData acoustic = new MaryData(MaryDataType.ACOUSTPARAMS, locale);
        acoustic.setDocument(params);
        acoustic.setAudioFileFormat(aff);
        acoustic.setDefaultVoice(voice);
        MaryData out = ModuleRegistry.getModule(marytts.modules.Synthesis.class).process(acoustic);
        short[] pcm;
        int rate;
        try (AudioInputStream audio = out.getAudio()) {
            AudioFormat f = audio.getFormat();
            rate = Math.round(f.getSampleRate());
            // the vocoder fills this stream from its own thread, and a read may return 0 bytes before the end:
            // readAllBytes would stop there, transferTo reads on to the real end (-1)
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            audio.transferTo(bytes);
            pcm = pcm(bytes.toByteArray(), f);
        }
        List<Timing> words = new ArrayList<>();
        List<Timing> phonemes = new ArrayList<>();
        times(out.getDocument() != null ? out.getDocument() : params, words, phonemes);
        int end = (int) (pcm.length * 1000L / rate);
        return new Part(rate, pcm, clip(words, end), clip(phonemes, end));
    }

    /** The audio is the phones and pauses of the document in order: their durations summed give the times. */
    static void times(Document doc, List<Timing> words, List<Timing> phonemes) {
        NodeIterator it = ((DocumentTraversal) doc).createNodeIterator(doc, NodeFilter.SHOW_ELEMENT, n -> {
            String name = ((Element) n).getTagName();
            return name.equals("ph") || name.equals("boundary") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        }, false);
        double ms = 0;
        Element word = null;
        double wordStart = 0;
        double wordEnd = 0;
        for (Node n = it.nextNode(); n != null; n = it.nextNode()) {
            Element e = (Element) n;
            if (e.getTagName().equals("boundary")) {
                String d = e.getAttribute("duration");
                ms += d.isEmpty() ? 0 : Double.parseDouble(d);
                continue;
            }
            double start = ms;
            String d = e.getAttribute("d");
            ms += d.isEmpty() ? 0 : Double.parseDouble(d);
            phonemes.add(new Timing(e.getAttribute("p"), (int) Math.round(start), (int) Math.round(ms)));
            Element t = ancestor(e, "t");
            if (t != word) {
                if (word != null) {
                    words.add(new Timing(text(word), (int) Math.round(wordStart), (int) Math.round(wordEnd)));
                }
                word = t;
                wordStart = start;
            }
            wordEnd = ms;
        }
        if (word != null) {
            words.add(new Timing(text(word), (int) Math.round(wordStart), (int) Math.round(wordEnd)));
        }
    }

    private static List<Timing> clip(List<Timing> t, int end) {
        return t.stream().map(x -> x.endMs() <= end ? x
                : new Timing(x.text(), Math.min(x.startMs(), end), end)).toList();
    }

    private static String text(Element t) {
        StringBuilder b = new StringBuilder();
        for (Node c = t.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE) {
                b.append(c.getNodeValue());
            }
        }
        return b.toString().strip();
    }

    private static Element ancestor(Node n, String name) {
        for (Node p = n.getParentNode(); p != null; p = p.getParentNode()) {
            if (p instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static short[] pcm(byte[] bytes, AudioFormat f) {
        if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1
                || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
            throw new IllegalStateException("MaryTTS gave " + f + ", not 16-bit mono PCM");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        short[] out = new short[bytes.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getShort();
        }
        return out;
    }

    static short[] scale(short[] pcm, double volume) {
        if (volume == 1) {
            return pcm;
        }
        short[] out = new short[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(pcm[i] * volume)));
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws Exception;
    }

    private <T> T withLoader(Call<T> call) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return call.call();
        } finally {
            t.setContextClassLoader(old);
        }
    }
}
