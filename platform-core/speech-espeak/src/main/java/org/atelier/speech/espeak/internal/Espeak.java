package org.atelier.speech.espeak.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * libespeak-ng in synchronous mode. The library keeps everything in globals (one voice, one parameter set, one
 * callback, one output buffer) and is not thread-safe: two threads in it at once mix their audio or crash the JVM.
 * So every call goes through one process-wide lock, and the state of a synthesis lives in this object only while
 * that lock is held. The callback runs inside {@code espeak_Synth}, on the calling thread.
 */
final class Espeak implements AutoCloseable {

    /** The library's state is process-wide, so is its lock. */
    private static final ReentrantLock LOCK = new ReentrantLock(true);

    /** Thrown when the library is not installed or cannot start; the caller then offers no engine. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A language a voice speaks, with espeak's priority (lower is preferred). */
    record Language(String tag, int priority) {
    }

    /** One of espeak's voices as {@code espeak_ListVoices} gives it; gender 0 none, 1 male, 2 female. */
    record VoiceInfo(String name, String identifier, List<Language> languages, int gender) {
    }

    /** A WORD, PHONEME or END event: where in the text (1-based code points) and where in the audio (samples). */
    record Event(int type, int textPosition, int length, int sample, String phoneme) {
    }

    /** What one espeak_Synth call gave. */
    record Result(short[] pcm, List<Event> events) {
    }

    private final EspeakLib lib;
    private final int sampleRate;
    private final String version;
    private boolean closed;

    // the synthesis under way: touched only with LOCK held
    private short[] pcm = new short[0];
    private int length;
    private List<Event> events;

    /** Kept in a field for as long as the library may call it: a collected callback crashes the next call-back. */
    private final EspeakLib.SynthCallback callback = this::received;

    private Espeak(EspeakLib lib, int sampleRate, String version) {
        this.lib = lib;
        this.sampleRate = sampleRate;
        this.version = version;
    }

    /**
     * Loads and initialises the library, with phoneme events in IPA.
     *
     * @throws Unavailable when libespeak-ng.so.1 is not installed or its data cannot be read
     */
    static Espeak open() throws Unavailable {
        LOCK.lock();
        try {
            EspeakLib lib;
            try {
                lib = EspeakLib.load();
            } catch (UnsatisfiedLinkError e) {
                throw new Unavailable(EspeakLib.SONAME + " cannot be loaded: " + firstLine(e.getMessage()), e);
            }
            // espeak_Initialize only: espeak_ng_Initialize has no way to ask for phoneme events, and both together
            // make espeak_Terminate hang. With DONT_EXIT a missing data folder returns 0 instead of ending the JVM.
            int rate = lib.espeak_Initialize(EspeakLib.AUDIO_OUTPUT_SYNCHRONOUS, 0, null,
                    EspeakLib.INITIALIZE_PHONEME_EVENTS | EspeakLib.INITIALIZE_PHONEME_IPA
                            | EspeakLib.INITIALIZE_DONT_EXIT);
            if (rate <= 0) {
                throw new Unavailable("espeak_Initialize returned " + rate
                        + ": espeak-ng-data is missing or unreadable", null);
            }
            String version = lib.espeak_Info(new PointerByReference().getPointer());
            Espeak espeak = new Espeak(lib, rate, version);
            lib.espeak_SetSynthCallback(espeak.callback);
            return espeak;
        } finally {
            LOCK.unlock();
        }
    }

    int sampleRate() {
        return sampleRate;
    }

    String version() {
        return version;
    }

    /** @return every voice espeak has (not its variants such as {@code +klatt}) */
    List<VoiceInfo> voices() {
        LOCK.lock();
        try {
            checkOpen();
            List<VoiceInfo> out = new ArrayList<>();
            Pointer list = lib.espeak_ListVoices(null);
            for (int i = 0; ; i++) {
                Pointer p = list.getPointer((long) i * Native.POINTER_SIZE);
                if (p == null) {
                    break;
                }
                EspeakLib.VoiceInfo v = new EspeakLib.VoiceInfo(p);
                List<Language> languages = new ArrayList<>();
                for (long off = 0; ; ) {
                    int priority = v.languages.getByte(off) & 0xff;
                    if (priority == 0) {
                        break;
                    }
                    String tag = v.languages.getString(off + 1, "UTF-8");
                    languages.add(new Language(tag, priority));
                    off += 1 + tag.getBytes(StandardCharsets.UTF_8).length + 1;
                }
                out.add(new VoiceInfo(v.name.getString(0, "UTF-8"),
                        v.identifier == null ? null : v.identifier.getString(0, "UTF-8"), languages,
                        v.gender & 0xff));
            }
            return out;
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Speaks plain text (not SSML) with a voice and parameters, set afresh for every call: a voice or parameter
     * left by an earlier call would otherwise leak into this one.
     *
     * @param voice an espeak voice name or identifier, such as {@code gmw/en-US}
     * @param rate words per minute, 80 to 450
     * @param pitch 0 to 100
     * @param volume 0 to 200
     */
    Result speak(String voice, int rate, int pitch, int volume, String text) {
        return speak(voice, rate, pitch, volume, text, false);
    }

    /** @param phonemes whether {@code [[…]]} in the text is espeak's phoneme names (else it is read as text) */
    Result speak(String voice, int rate, int pitch, int volume, String text, boolean phonemes) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(utf8.length + 1L);
        m.write(0, utf8, 0, utf8.length);
        m.setByte(utf8.length, (byte) 0);
        LOCK.lock();
        try {
            checkOpen();
            check(lib.espeak_SetVoiceByName(voice), "espeak_SetVoiceByName(" + voice + ")");
            check(lib.espeak_SetParameter(EspeakLib.PARAM_RATE, rate, 0), "rate " + rate);
            check(lib.espeak_SetParameter(EspeakLib.PARAM_PITCH, pitch, 0), "pitch " + pitch);
            check(lib.espeak_SetParameter(EspeakLib.PARAM_VOLUME, volume, 0), "volume " + volume);
            length = 0;
            events = new ArrayList<>();
            check(lib.espeak_Synth(m, utf8.length + 1L, 0, EspeakLib.POS_CHARACTER, 0,
                    EspeakLib.CHARS_UTF8 | (phonemes ? EspeakLib.PHONEMES : 0),
                    new IntByReference(), Pointer.NULL), "espeak_Synth");
            return new Result(Arrays.copyOf(pcm, length), List.copyOf(events));
        } finally {
            events = null;
            if (pcm.length > 1 << 20) {
                pcm = new short[0];
            }
            LOCK.unlock();
        }
    }

    private int received(Pointer wav, int samples, Pointer list) {
        if (events == null) {
            return 1; // not ours: nothing is being spoken
        }
        if (wav != null && samples > 0) {
            if (length + samples > pcm.length) {
                pcm = Arrays.copyOf(pcm, Math.max(pcm.length * 2, Math.max(length + samples, 1 << 15)));
            }
            wav.read(0, pcm, length, samples);
            length += samples;
        }
        if (list != null) {
            for (long off = 0; ; off += EspeakLib.EVENT_SIZE) {
                EspeakLib.Event e = new EspeakLib.Event(list.share(off));
                if (e.type == EspeakLib.EVENT_LIST_TERMINATED) {
                    break;
                }
                if (e.type == EspeakLib.EVENT_WORD || e.type == EspeakLib.EVENT_PHONEME
                        || e.type == EspeakLib.EVENT_END) {
                    events.add(new Event(e.type, e.text_position, e.length, e.sample,
                            e.type == EspeakLib.EVENT_PHONEME ? e.phoneme() : null));
                }
            }
        }
        return 0;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("espeak-ng has been stopped");
        }
    }

    private static void check(int status, String what) {
        if (status != EspeakLib.EE_OK) {
            throw new IllegalStateException(what + " failed: espeak error " + status);
        }
    }

    /**
     * Stops using the library, after a synthesis under way. espeak_Terminate is not called: in espeak-ng 1.51 it
     * spins for ever once espeak_Initialize has run a second time in the process (a bundle stopped and started, or
     * updated), while a second espeak_Initialize without it works (measured: four rounds, same audio). So the library
     * stays loaded until the JVM ends, and a later {@link #open()} initialises it again.
     */
    @Override
    public void close() {
        LOCK.lock();
        try {
            closed = true;
        } finally {
            LOCK.unlock();
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
