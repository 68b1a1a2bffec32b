package org.atelier.speech.espeak.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Union;
import com.sun.jna.ptr.IntByReference;

/**
 * The part of libespeak-ng.so.1 ({@code speak_lib.h}, API revision 12, espeak-ng 1.51) this engine uses. The
 * structure layouts were checked against gcc's {@code offsetof} on x86-64 Linux: {@code espeak_EVENT} and
 * {@code espeak_VOICE} are both 40 bytes.
 */
interface EspeakLib extends Library {

    /**
     * The versioned soname, present with the run-time package {@code libespeak-ng1} alone; loading by "espeak-ng"
     * would take the highest {@code libespeak-ng.so.*} found, which may be a future ABI.
     */
    String SONAME = "libespeak-ng.so.1";

    int AUDIO_OUTPUT_SYNCHRONOUS = 2;

    int INITIALIZE_PHONEME_EVENTS = 0x0001;
    int INITIALIZE_PHONEME_IPA = 0x0002;
    /** Without it a missing espeak-ng-data makes the library call exit(1), which ends the JVM. */
    int INITIALIZE_DONT_EXIT = 0x8000;

    int EVENT_LIST_TERMINATED = 0;
    int EVENT_WORD = 1;
    int EVENT_SENTENCE = 2;
    int EVENT_MARK = 3;
    int EVENT_PLAY = 4;
    int EVENT_END = 5;
    int EVENT_MSG_TERMINATED = 6;
    int EVENT_PHONEME = 7;
    int EVENT_SAMPLERATE = 8;

    int POS_CHARACTER = 1;
    int CHARS_UTF8 = 1;
    /** espeak_Synth flag: text between {@code [[ ]]} is espeak's phoneme names */
    int PHONEMES = 0x100;

    int PARAM_RATE = 1;
    int PARAM_VOLUME = 2;
    int PARAM_PITCH = 3;

    int EE_OK = 0;

    /** {@code sizeof(espeak_EVENT)} on LP64. */
    int EVENT_SIZE = 40;

    /** {@code int t_espeak_callback(short *wav, int numsamples, espeak_EVENT *events)}: 0 goes on, 1 aborts. */
    interface SynthCallback extends Callback {
        int invoke(Pointer wav, int numsamples, Pointer events);
    }

    /** {@code espeak_EVENT}: type@0, unique_identifier@4, text_position@8, length@12, audio_position@16, sample@20,
     *  user_data@24, id@32 (a union of int, char* and char[8]). */
    @Structure.FieldOrder({"type", "unique_identifier", "text_position", "length", "audio_position", "sample",
            "user_data", "id"})
    class Event extends Structure {

        /** The union {@code id}: which member is valid depends on the event's type. */
        public static class Id extends Union {
            public int number;
            public Pointer name;
            public byte[] string = new byte[8];
        }

        public int type;
        public int unique_identifier;
        /** 1-based, in code points of the text given to espeak_Synth. */
        public int text_position;
        /** In code points (WORD events). */
        public int length;
        /** Milliseconds into this synthesis. */
        public int audio_position;
        /** Samples into this synthesis. */
        public int sample;
        public Pointer user_data;
        public Id id;

        public Event(Pointer p) {
            super(p);
            read();
        }

        @Override
        public void read() {
            super.read();
            // the union's valid member: reading the pointer member of a phoneme's char[8] would dereference garbage
            switch (type) {
                case EVENT_MARK, EVENT_PLAY -> id.setType(Pointer.class);
                case EVENT_PHONEME -> id.setType(byte[].class);
                default -> id.setType(int.class);
            }
            id.read();
        }

        /** @return the phoneme of a PHONEME event (UTF-8, NUL-terminated unless 8 bytes long) */
        String phoneme() {
            int n = 0;
            while (n < 8 && id.string[n] != 0) {
                n++;
            }
            return new String(id.string, 0, n, StandardCharsets.UTF_8);
        }
    }

    /** {@code espeak_VOICE}: name@0, languages@8, identifier@16, gender@24, age@25, variant@26, xx1@27, score@28,
     *  spare@32. {@code languages} is a run of (priority byte, NUL-terminated tag), ended by a 0 priority. */
    @Structure.FieldOrder({"name", "languages", "identifier", "gender", "age", "variant", "xx1", "score", "spare"})
    class VoiceInfo extends Structure {
        public Pointer name;
        public Pointer languages;
        public Pointer identifier;
        public byte gender;
        public byte age;
        public byte variant;
        public byte xx1;
        public int score;
        public Pointer spare;

        public VoiceInfo(Pointer p) {
            super(p);
            read();
        }
    }

    int espeak_Initialize(int output, int buflength, String path, int options);

    void espeak_SetSynthCallback(SynthCallback callback);

    int espeak_Synth(Pointer text, long size, int position, int positionType, int endPosition, int flags,
                     IntByReference uniqueIdentifier, Pointer userData);

    int espeak_SetParameter(int parameter, int value, int relative);

    int espeak_SetVoiceByName(String name);

    /** @return {@code const espeak_VOICE **}, NULL-terminated */
    Pointer espeak_ListVoices(Pointer spec);

    String espeak_Info(Pointer pathData);

    static EspeakLib load() {
        return Native.load(SONAME, EspeakLib.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
    }
}
