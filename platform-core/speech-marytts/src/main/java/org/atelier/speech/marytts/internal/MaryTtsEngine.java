package org.atelier.speech.marytts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
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
import org.w3c.dom.NodeList;
import org.w3c.dom.traversal.DocumentTraversal;
import org.w3c.dom.traversal.NodeFilter;
import org.w3c.dom.traversal.NodeIterator;

import marytts.LocalMaryInterface;
import marytts.datatypes.MaryData;
import marytts.datatypes.MaryDataType;
import marytts.features.FeatureRegistry;
import marytts.features.TargetFeatureComputer;
import marytts.htsengine.HMMData;
import marytts.htsengine.HMMVoice;
import marytts.htsengine.HTSPStream;
import marytts.htsengine.HTSParameterGeneration;
import marytts.htsengine.HTSUttModel;
import marytts.htsengine.HTSVocoder;
import marytts.modules.HTSEngine;
import marytts.modules.ModuleRegistry;
import marytts.modules.TargetFeatureLister;
import marytts.server.Request;
import marytts.unitselection.select.Target;

/**
 * MaryTTS in-process. One pass per stretch of speech: text (as SSML, for rate, pitch and pauses) to acoustic
 * parameters through MaryTTS's pipeline, then per sentence what its HMM synthesiser does, with the vocoder run here so
 * its audio is handed over as it is made (and the second half of a long sentence vocoded on another core); every
 * phone's realised duration is written on the MaryXML, and word and phoneme times are summed from that document.
 * (MaryTTS's own REALISED_DURATIONS output counts times twice from the second sentence on.)
 *
 * <p>Volume is applied to the samples here: MaryTTS ignores it in SSML. IPA phonemes are mapped to MaryTTS's US English
 * phones ({@link MaryPhones}) and given to it as the token's pronunciation ({@code <t ph="…">}), which its phonemiser
 * keeps.
 */
final class MaryTtsEngine implements SpeechEngine {

    static final String ID = "marytts";
    /** Frames the second half of a sentence is vocoded from before its audio is kept: 20 of 5 ms. */
    static final int WARM_UP_FRAMES = 20;
    private static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final ClassLoader loader;
    private final Semaphore running = new Semaphore(CORES);
    /** Vocodes the second half of a sentence while the calling thread vocodes the first; {@code null} when off. */
    private volatile ExecutorService halves;
    private volatile List<Voice> voices = List.of();
    /** Samples the vocoders have made, counted in blocks of 1024: shows that audio is handed over while it is made. */
    private final LongAdder vocoded = new LongAdder();

    /**
     * @param loader the bundle's class loader, MaryTTS finds its configuration through it
     * @param splitSentences whether to vocode the second half of a sentence on another core (on one core, never)
     */
    MaryTtsEngine(ClassLoader loader, boolean splitSentences) {
        this.loader = loader;
        if (splitSentences && CORES > 1) {
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(CORES, CORES, 30, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(CORES), r -> {
                        Thread t = new Thread(r, "atelier-marytts-vocoder-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            halves = pool;
        }
    }

    MaryTtsEngine(ClassLoader loader) {
        this(loader, true);
    }

    /** @return the samples the vocoders have made so far, to within 1024 per sentence half under way */
    long vocoded() {
        return vocoded.sum();
    }

    /** Stops the vocoder threads; speech goes on, on the calling threads alone. */
    void stop() {
        ExecutorService pool = halves;
        halves = null;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Starts MaryTTS: its configuration is found once, through the context class loader, so that must be ours. */
    void start() throws Exception {
        withLoader(() -> {
            new LocalMaryInterface();
            ShutdownHooks.remove(ShutdownHooks.mary());
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

    /** IPA as MaryTTS's US English phones: see {@link MaryPhones}. */
    @Override
    public List<String> unknownPhonemes(Voice voice, String ipa) {
        return MaryPhones.map(ipa).unknown();
    }

    /** @return MaryXML's ph for the IPA, empty when it has nothing to say */
    static String phones(String ipa) {
        MaryPhones.Mapped m = MaryPhones.map(ipa);
        if (!m.unknown().isEmpty()) {
            throw new UnsupportedInputException("MaryTTS cannot say the IPA " + String.join(" ", m.unknown())
                    + " in /" + ipa + "/");
        }
        return m.ph();
    }

    @Override
    public Speech synthesize(Voice voice, List<Segment> segments) {
        List<Speech> pieces = new ArrayList<>();
        synthesize(voice, segments, pieces::add);
        int rate = pieces.isEmpty() ? 16_000 : pieces.get(0).sampleRate();
        short[] all = new short[pieces.stream().mapToInt(p -> p.samples().length).sum()];
        List<Timing> words = new ArrayList<>();
        List<Timing> phonemes = new ArrayList<>();
        int at = 0;
        for (Speech p : pieces) {
            System.arraycopy(p.samples(), 0, all, at, p.samples().length);
            at += p.samples().length;
            words.addAll(p.words());
            phonemes.addAll(p.phonemes());
        }
        return new Speech(rate, all, words, phonemes, voice);
    }

    /**
     * Streams: the audio of each stretch is handed over while MaryTTS's vocoder makes it, in pieces of about 100 ms
     * (the first of about 20 ms); the word and phoneme timings of a stretch come with its last piece.
     */
    @Override
    public void synthesize(Voice voice, List<Segment> segments, Consumer<Speech> chunks) {
        marytts.modules.synthesis.Voice mary = marytts.modules.synthesis.Voice.getVoice(voice.name());
        if (!(mary instanceof HMMVoice hmm)) {
            throw new UnsupportedInputException("MaryTTS has no voice " + voice.name());
        }
        running.acquireUninterruptibly();
        try {
            long[] done = {0};
            // stretches of one loudness are spoken in one go, so a sentence keeps its intonation
            for (List<Segment> group : byVolume(segments)) {
                withLoader(() -> {
                    speak(hmm, voice, ssml(group, voice.language()), group.get(0).volume(), done, chunks);
                    return null;
                });
            }
        } catch (Passed e) {
            throw e.getCause();
        } catch (UnsupportedInputException | CancellationException e) {
            throw e;
        } catch (Exception e) {
            throw new UnsupportedInputException("MaryTTS could not speak this: " + e.getMessage());
        } finally {
            running.release();
        }
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

    /**
     * SSML that MaryTTS honours: prosody rate and pitch as relative percentages, breaks, and a segment's IPA as
     * MaryTTS's phones in an x-sampa {@code <phoneme>}.
     */
    static String ssml(List<Segment> group, String language) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><speak version=\"1.0\" "
                + "xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"" + escape(language) + "\">");
        for (Segment s : group) {
            String ph = s.phonemes() == null ? "" : phones(s.phonemes());
            if (!s.text().isBlank() || !ph.isEmpty()) {
                long rate = Math.round((s.rate() - 1) * 100);
                long pitch = Math.round((s.pitch() - 1) * 100);
                String said = ph.isEmpty() ? escape(s.text())
                        // MaryTTS's SSML reader makes this <t sampa="…">, which speak() renames to the ph it reads
                        : "<phoneme alphabet=\"x-sampa\" ph=\"" + escape(ph) + "\">"
                                + escape(s.text().isBlank() ? s.phonemes() : s.text()) + "</phoneme>";
                if (rate == 0 && pitch == 0) {
                    b.append(said).append(' ');
                } else {
                    b.append("<prosody");
                    if (rate != 0) {
                        b.append(String.format(Locale.ROOT, " rate=\"%+d%%\"", rate));
                    }
                    if (pitch != 0) {
                        b.append(String.format(Locale.ROOT, " pitch=\"%+d%%\"", pitch));
                    }
                    b.append('>').append(said).append("</prosody> ");
                }
            }
            if (s.pauseAfterMs() > 0) {
                b.append("<break time=\"").append(s.pauseAfterMs()).append("ms\"/>");
            }
        }
        return b.append("</speak>").toString();
    }

    /**
     * Speaks one stretch: MaryTTS's pipeline from SSML to acoustic parameters (phones with durations and f0), then,
     * per sentence of the document, what its HMM synthesiser does (target features, HTS parameter generation,
     * realised durations written onto the document), with the MLSA vocoder run here on this thread so its samples
     * are handed over as they come: MaryTTS would run it on a thread of its own and pass every sample, boxed, through
     * a blocking queue.
     *
     * @param done samples handed over before this stretch, moved on by what it hands over
     */
    private void speak(HMMVoice voice, Voice ours, String ssml, double volume, long[] done, Consumer<Speech> chunks)
            throws Exception {
        Locale locale = voice.getLocale();
        AudioFileFormat aff = new AudioFileFormat(AudioFileFormat.Type.WAVE, voice.dbAudioFormat(),
                AudioSystem.NOT_SPECIFIED);
        Request read = new Request(MaryDataType.SSML, MaryDataType.RAWMARYXML, locale, voice, null, null, 1, aff,
                false, null);
        MaryData in = new MaryData(MaryDataType.SSML, locale);
        in.setData(ssml);
        read.setInputData(in);
        read.process();
        MaryData raw = read.getOutputData();
        NodeList tokens = raw.getDocument().getElementsByTagName("t");
        for (int i = 0; i < tokens.getLength(); i++) {
            Element t = (Element) tokens.item(i);
            if (t.hasAttribute("sampa")) {
                t.setAttribute("ph", t.getAttribute("sampa"));
                t.removeAttribute("sampa");
            }
        }
        Request request = new Request(MaryDataType.RAWMARYXML, MaryDataType.ACOUSTPARAMS, locale, voice, null, null,
                1, aff, false, null);
        request.setInputData(raw);
        request.process();
        Document doc = request.getOutputData().getDocument();
        HMMData hts = voice.getHMMData();
        int rate = hts.getRate();
        AudioFormat f = HTSVocoder.getHTSAudioFormat(hts);
        if (!f.matches(voice.dbAudioFormat())) {
            throw new IllegalStateException("MaryTTS's vocoder makes " + f + ", its voice says " + voice.dbAudioFormat());
        }
        Sink sink = new Sink(rate, volume, ours, chunks);
        long start = done[0];
        for (List<Element> section : sections(doc)) {
            vocode(voice, section, sink);
        }
        List<Timing> words = new ArrayList<>();
        List<Timing> phonemes = new ArrayList<>();
        times(doc, words, phonemes);
        int at = (int) (start * 1000 / rate);
        int end = (int) (sink.total() * 1000L / rate);
        sink.finish(shift(clip(words, end), at), shift(clip(phonemes, end), at));
        done[0] += sink.total();
    }

    /**
     * The tokens and boundaries of the document, cut at sentences, as MaryTTS's synthesis module cuts them; a part
     * without phones makes no sound (as in MaryTTS) and is left out.
     */
    static List<List<Element>> sections(Document doc) {
        List<List<Element>> out = new ArrayList<>();
        NodeIterator it = ((DocumentTraversal) doc).createNodeIterator(doc, NodeFilter.SHOW_ELEMENT, n -> {
            String name = ((Element) n).getTagName();
            return name.equals("t") || name.equals("boundary") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        }, false);
        List<Element> current = new ArrayList<>();
        Element sentence = null;
        for (Node n = it.nextNode(); n != null; n = it.nextNode()) {
            Element e = (Element) n;
            Element s = ancestor(e, "s");
            if (s != sentence) {
                add(out, current);
                current = new ArrayList<>();
                sentence = s;
            }
            current.add(e);
        }
        add(out, current);
        return out;
    }

    private static void add(List<List<Element>> out, List<Element> section) {
        if (section.stream().anyMatch(e -> e.getTagName().equals("t") && e.getElementsByTagName("ph").getLength() > 0)) {
            out.add(section);
        }
    }

    /** What MaryTTS's HMMSynthesizer and HTSEngine do for one sentence, with the vocoder's samples going to sink. */
    private void vocode(HMMVoice voice, List<Element> tokensAndBoundaries, Sink sink) throws Exception {
        List<Element> segmentsAndBoundaries = new ArrayList<>();
        for (Element e : tokensAndBoundaries) {
            if (e.getTagName().equals("boundary")) {
                segmentsAndBoundaries.add(e);
            } else {
                NodeList phones = e.getElementsByTagName("ph");
                for (int i = 0; i < phones.getLength(); i++) {
                    segmentsAndBoundaries.add((Element) phones.item(i));
                }
            }
        }
        HMMData hts = voice.getHMMData();
        TargetFeatureComputer features = FeatureRegistry.getTargetFeatureComputer(voice,
                hts.getFeatureDefinition().getFeatureNames());
        TargetFeatureLister lister = (TargetFeatureLister) ModuleRegistry.getModule(TargetFeatureLister.class);
        List<Target> targets = lister.getListTargetFeatures(features, segmentsAndBoundaries);
        HTSUttModel model = new Hts().model(targets, segmentsAndBoundaries, hts);
        HTSParameterGeneration parameters = new HTSParameterGeneration();
        parameters.htsMaximumLikelihoodParameterGeneration(model, hts);
        HTSEngine.setRealisedProsody(tokensAndBoundaries, model);
        vocode(parameters, hts, sink);
    }

    /**
     * Runs the vocoder over a sentence's parameters. A sentence with an unvoiced frame near its middle is vocoded in
     * two halves at once: the first on this thread, straight to the sink; the second on another core, from that
     * unvoiced frame on, its first {@value #WARM_UP_FRAMES} frames made only to bring the filter to its state there
     * (an unvoiced frame resets the pulse train, so from it on both halves make the same pulses; the noise differs,
     * as noise does). Its samples follow the first half's.
     */
    private void vocode(HTSParameterGeneration parameters, HMMData hts, Sink sink) throws Exception {
        ExecutorService pool = halves;
        int frames = parameters.getMcepPst().getT();
        int from = pool == null ? -1 : split(parameters.getVoicedArray(), WARM_UP_FRAMES);
        if (from < 0) {
            new Vocoder(vocoded).run(parameters, hts, sink::put);
            return;
        }
        int to = from + WARM_UP_FRAMES;
        HTSParameterGeneration second = part(parameters, from, frames);
        Future<double[]> later;
        try {
            later = pool.submit(() -> {
                Samples out = new Samples((frames - from) * hts.getFperiod());
                new Vocoder(vocoded).run(second, hts, out::put);
                return out.samples;
            });
        } catch (RejectedExecutionException busy) {
            new Vocoder(vocoded).run(parameters, hts, sink::put);
            return;
        }
        try {
            new Vocoder(vocoded).run(part(parameters, 0, to), hts, sink::put);
            double[] rest = later.get();
            for (int i = WARM_UP_FRAMES * hts.getFperiod(); i < rest.length; i++) {
                sink.put(rest[i]);
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        } finally {
            later.cancel(true);
        }
    }

    /**
     * @return the unvoiced frame nearest the middle, at least {@code warmUp} frames from either end (so each half
     *         has something to make), or -1 when the sentence is too short or has none in its middle half
     */
    static int split(boolean[] voiced, int warmUp) {
        int frames = voiced.length;
        if (frames < 8 * warmUp) {
            return -1;
        }
        int middle = frames / 2 - warmUp / 2;
        for (int d = 0; d < frames / 4; d++) {
            for (int i : new int[] {middle - d, middle + d}) {
                if (i > warmUp && i + 2 * warmUp < frames && !voiced[i]) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** @return the parameters of frames {@code [from, to)} (log f0 has rows for voiced frames only) */
    static HTSParameterGeneration part(HTSParameterGeneration all, int from, int to) throws Exception {
        boolean[] voiced = all.getVoicedArray();
        int before = 0;
        int inside = 0;
        for (int i = 0; i < to; i++) {
            if (voiced[i]) {
                if (i < from) {
                    before++;
                } else {
                    inside++;
                }
            }
        }
        HTSParameterGeneration p = new HTSParameterGeneration();
        p.setVoicedArray(java.util.Arrays.copyOfRange(voiced, from, to));
        p.setMcepPst(rows(all.getMcepPst(), from, to - from));
        p.setStrPst(rows(all.getStrPst(), from, to - from));
        p.setMagPst(rows(all.getMagPst(), from, to - from));
        p.setlf0Pst(rows(all.getlf0Pst(), before, inside));
        return p;
    }

    private static HTSPStream rows(HTSPStream s, int from, int count) throws Exception {
        if (s == null) {
            return null;
        }
        HTSPStream out = new HTSPStream(s.getVsize(), count, s.feaType, 0);
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < s.getOrder(); i++) {
                out.setPar(t, i, s.getPar(from + t, i));
            }
        }
        return out;
    }

    /** A vocoder's samples, kept. */
    private static final class Samples {
        double[] samples;
        int length;

        Samples(int expected) {
            samples = new double[Math.max(1, expected)];
        }

        void put(double x) {
            if (length == samples.length) {
                samples = java.util.Arrays.copyOf(samples, samples.length * 2);
            }
            samples[length++] = x;
            if ((length & 0xfff) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("speech stopped");
            }
        }
    }

    /** MaryTTS's MLSA vocoder, its samples going to a sink on this thread rather than through its queue. */
    private static final class Vocoder extends HTSVocoder {
        private final LongAdder vocoded;
        private int count;

        Vocoder(LongAdder vocoded) {
            this.vocoded = vocoded;
        }

        void run(HTSParameterGeneration parameters, HMMData hts, DoubleConsumer sink) throws Exception {
            HTSVocoderDataProducer producer = new HTSVocoderDataProducer(0, parameters, hts) {
                @Override
                public void putOneDataPoint(double x) {
                    if ((++count & 1023) == 0) {
                        vocoded.add(1024);
                    }
                    sink.accept(x);
                }
            };
            htsMLSAVocoder(parameters.getlf0Pst(), parameters.getMcepPst(), parameters.getStrPst(),
                    parameters.getMagPst(), parameters.getVoicedArray(), hts, producer);
            vocoded.add(count & 1023);
        }
    }

    /** Opens HTSEngine's utterance model (states and durations from the acoustic parameters) to this class. */
    private static final class Hts extends HTSEngine {
        HTSUttModel model(List<Target> targets, List<Element> segmentsAndBoundaries, HMMData hts) throws Exception {
            return processTargetList(targets, segmentsAndBoundaries, hts);
        }
    }

    /** What the receiver of the pieces threw, carried through MaryTTS's code to be thrown again as it was. */
    private static final class Passed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Passed(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /**
     * Where the vocoder's samples go: normalised as MaryTTS normalises them (by the largest amplitude seen so far,
     * at least 17000, per block), made 16-bit, scaled by the volume and handed over in pieces.
     */
    static final class Sink {
        private static final double INITIAL_MAX_AMPLITUDE = 17_000;
        private final int rate;
        private final double volume;
        private final Voice voice;
        private final Consumer<Speech> chunks;
        private double[] block;
        private int length;
        private double max = INITIAL_MAX_AMPLITUDE;
        private long total;
        private boolean first = true;

        Sink(int rate, double volume, Voice voice, Consumer<Speech> chunks) {
            this.rate = rate;
            this.volume = volume;
            this.voice = voice;
            this.chunks = chunks;
            this.block = new double[Math.max(1, rate / 50)];
        }

        void put(double x) {
            block[length++] = x;
            if (length == block.length) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("speech stopped");
                }
                hand(new Speech(rate, flush(), List.of(), List.of(), voice));
                if (first) {
                    first = false;
                    block = new double[Math.max(1, rate / 10)];
                }
            }
        }

        /** Hands over what is left, with the timings. */
        void finish(List<Timing> words, List<Timing> phonemes) {
            hand(new Speech(rate, flush(), words, phonemes, voice));
        }

        private void hand(Speech piece) {
            try {
                chunks.accept(piece);
            } catch (RuntimeException e) {
                throw new Passed(e);
            }
        }

        long total() {
            return total + length;
        }

        private short[] flush() {
            double localMax = 0;
            for (int i = 0; i < length; i++) {
                localMax = Math.max(localMax, Math.abs(block[i]));
            }
            max = Math.max(max, localMax);
            short[] out = new short[length];
            for (int i = 0; i < length; i++) {
                long v = Math.round(block[i] / max * 32767.0);
                if (volume != 1) {
                    v = Math.round((short) v * volume);
                }
                out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
            }
            total += length;
            length = 0;
            return out;
        }
    }

    private static List<Timing> shift(List<Timing> t, int ms) {
        return ms == 0 ? t : t.stream().map(x -> x.shift(ms)).toList();
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
