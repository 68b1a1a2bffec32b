package org.atelier.api.speech;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A speech synthesis engine, registered as a service; any number may be present and they may come and go. The
 * platform's {@link SpeechSynthesizer} picks one by language and voice, parses SSML and applies lexicons before it
 * calls {@link #synthesize}.
 */
@ConsumerType
public interface SpeechEngine {

    /** @return a short stable id, such as {@code marytts} or {@code espeak-ng} */
    String id();

    /** @return the voices it has now; never {@code null} */
    List<Voice> voices();

    /**
     * Speaks segments with one of its voices. Implementations must be safe to call from several threads (an engine
     * that is not serialises its calls itself).
     *
     * @param voice one of {@link #voices()}
     * @param segments what to say and how, in order; the language of each is one the voice speaks
     * @return the audio with word timings (and phoneme timings when the engine has them)
     * @throws org.atelier.api.UnsupportedInputException when the engine cannot speak something it was given
     */
    Speech synthesize(Voice voice, List<Segment> segments);

    /**
     * Speaks segments and hands the audio over in pieces as it is made, so that it can be played before the whole is
     * ready. The pieces, in order, make up what {@link #synthesize(Voice, List)} returns for the same call: their
     * samples concatenated are its samples, and their timings together are its timings. Each piece has the same
     * sample rate; its timings count from the start of the whole, not of the piece, and may come in any piece
     * (typically all in the last, since an engine often knows them only at the end); a piece may have no samples
     * when it carries only timings. {@code chunks} is called on the calling thread, before this method returns; when
     * it throws, synthesis stops and the exception is passed on.
     *
     * <p>The default hands over the whole of {@link #synthesize(Voice, List)} as one piece: engines that can stream
     * override it.
     *
     * @param voice one of {@link #voices()}
     * @param segments what to say and how, in order
     * @param chunks receives the pieces
     * @throws org.atelier.api.UnsupportedInputException as for {@link #synthesize(Voice, List)}
     * @since 1.1
     */
    default void synthesize(Voice voice, List<Segment> segments, Consumer<Speech> chunks) {
        chunks.accept(synthesize(voice, segments));
    }

    /**
     * Which phonemes of a {@link Segment#phonemes() segment's IPA} this engine cannot say with a voice: the platform
     * asks before anything is spoken, so that a request with such phonemes is refused at once (a 400 naming the
     * field they came from) rather than cut off mid-way.
     *
     * <p>The default says none: an engine that does not read IPA at all speaks a segment's written text instead.
     *
     * @param voice one of {@link #voices()}
     * @param ipa phonemes in IPA, as in {@link Segment#phonemes()}
     * @return the IPA symbols it cannot map to its own phonemes, each once, in order of appearance; empty when it can
     *         say them all
     * @since 1.1
     */
    default List<String> unknownPhonemes(Voice voice, String ipa) {
        return List.of();
    }
}
