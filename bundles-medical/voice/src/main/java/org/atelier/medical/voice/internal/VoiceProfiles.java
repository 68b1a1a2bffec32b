package org.atelier.medical.voice.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.atelier.api.InvalidInputException;
import org.atelier.api.speech.SpeechProfiles;
import org.atelier.api.speech.SpeechRequest;
import org.atelier.api.speech.SpeechSynthesizer;
import org.atelier.medical.voice.internal.predict.Predictor;
import org.atelier.medical.voice.internal.store.Board;
import org.atelier.medical.voice.internal.store.HistoryEntry;
import org.atelier.medical.voice.internal.store.LimitException;
import org.atelier.medical.voice.internal.store.Obf;
import org.atelier.medical.voice.internal.store.Phrase;
import org.atelier.medical.voice.internal.store.Profile;
import org.atelier.medical.voice.internal.store.VoiceStore;
import org.atelier.runtime.JobService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ServiceUnavailableException;

/**
 * People's profiles, phrase boards, history and word prediction, with who may see what: a profile is its maker's
 * (an admin, and the shell, may manage all). Also the platform's {@link SpeechProfiles}, so {@code atelier:say
 * --profile} speaks with a person's voice.
 */
@Component(service = {VoiceProfiles.class, SpeechProfiles.class}, configurationPid = VoiceConfig.PID)
@Designate(ocd = VoiceConfig.class)
public final class VoiceProfiles implements SpeechProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceProfiles.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VoiceStore store;
    private final Predictor predictor;
    private final Map<String, List<Board>> seeds = new ConcurrentHashMap<>();
    /** What a person said in a language, for prediction: read once, dropped when their history changes. */
    private final Map<String, Said> said = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong();
    private volatile VoiceConfig config;
    private volatile SpeechSynthesizer speech;

    /**
     * Starts on the platform's database once the platform runs on it: the job service is there only after the
     * database answered (a database that is down at boot is waited for, see the runtime's DatabaseGate).
     */
    @Activate
    public VoiceProfiles(@Reference(target = "(dataSourceName=atelier)") DataSource dataSource, VoiceConfig config,
            @Reference JobService platform) throws SQLException {
        this(new VoiceStore(dataSource, Clock.systemUTC()), config);
    }

    VoiceProfiles(VoiceStore store, VoiceConfig config) {
        this.store = store;
        this.config = config;
        this.predictor = new Predictor(language -> VoiceProfiles.class.getResourceAsStream(
                "/corpus/" + language + ".txt"));
    }

    @Modified
    void modified(VoiceConfig c) {
        this.config = c;
    }

    /** Only to check that a profile's voice is there now; the voice may come and go. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setSpeech(SpeechSynthesizer s) {
        this.speech = s;
    }

    void unsetSpeech(SpeechSynthesizer s) {
        if (this.speech == s) {
            this.speech = null;
        }
    }

    // ---- profiles

    Profile create(Caller caller, Profile input) {
        Profile p = input.normalised();
        spoken(p.languages());
        List<Board> seed = new ArrayList<>();
        for (String language : p.languages()) {
            seed.addAll(seeds(Predictor.baseLanguage(language)));
        }
        return db(() -> store.createProfile(caller.key(), p, seed, config.maxProfilesPerKey()));
    }

    List<Profile> list(Caller caller) {
        return db(() -> store.profiles(caller.admin() ? null : caller.key())).stream()
                .map(VoiceStore.Owned::profile).toList();
    }

    Profile get(Caller caller, String id) {
        Optional<VoiceStore.Owned> o = Profile.ID.matcher(id).matches() ? db(() -> store.profile(id))
                : Optional.empty();
        if (o.isEmpty() || !caller.mayUse(o.get().owner())) {
            throw new NotFoundException("no profile '" + id + "'");
        }
        return o.get().profile();
    }

    Profile replace(Caller caller, String id, Profile input) {
        get(caller, id);
        if (input.id() != null && !input.id().equals(id)) {
            throw new InvalidInputException("id", "is '" + input.id() + "' in the body but '" + id + "' in the path");
        }
        Profile p = input.with(id, null, null).normalised();
        spoken(p.languages());
        return db(() -> store.replaceProfile(id, p)).orElseThrow(() -> new NotFoundException("no profile '" + id + "'"));
    }

    void delete(Caller caller, String id) {
        get(caller, id);
        db(() -> store.deleteProfile(id));
        changed(id);
        predictor.forget(id);
    }

    // ---- boards

    List<Board> boards(Caller caller, String profile) {
        get(caller, profile);
        return db(() -> store.boards(profile));
    }

    Board board(Caller caller, String profile, String board) {
        get(caller, profile);
        return db(() -> store.board(profile, board)).orElseThrow(() -> noBoard(board));
    }

    Board createBoard(Caller caller, String profile, Board input) {
        get(caller, profile);
        Board b = input.normalised(config.maxPhrasesPerBoard());
        return db(() -> store.createBoard(profile, b, config.maxBoardsPerProfile()));
    }

    Board replaceBoard(Caller caller, String profile, String board, Board input) {
        get(caller, profile);
        Board b = input.normalised(config.maxPhrasesPerBoard());
        return db(() -> store.replaceBoard(profile, board, b)).orElseThrow(() -> noBoard(board));
    }

    void deleteBoard(Caller caller, String profile, String board) {
        get(caller, profile);
        if (!db(() -> store.deleteBoard(profile, board))) {
            throw noBoard(board);
        }
    }

    Phrase addPhrase(Caller caller, String profile, String board, Phrase input) {
        get(caller, profile);
        Phrase p = input.normalised();
        return db(() -> store.addPhrase(profile, board, p, config.maxPhrasesPerBoard())).orElseThrow(() -> noBoard(board));
    }

    Phrase replacePhrase(Caller caller, String profile, String board, String phrase, Phrase input) {
        get(caller, profile);
        Phrase p = input.normalised();
        return db(() -> store.replacePhrase(profile, board, phrase, p)).orElseThrow(() -> noPhrase(phrase));
    }

    void deletePhrase(Caller caller, String profile, String board, String phrase) {
        get(caller, profile);
        if (!db(() -> store.deletePhrase(profile, board, phrase))) {
            throw noPhrase(phrase);
        }
    }

    /** @return the board's phrase with this id */
    static Phrase phrase(Board board, String phrase) {
        return board.phrases().stream().filter(p -> p.id().equals(phrase)).findFirst()
                .orElseThrow(() -> noPhrase(phrase));
    }

    /** @return the stored board and what the import left out */
    Obf.Imported importBoard(Caller caller, String profile, JsonNode obf) {
        get(caller, profile);
        Obf.Imported in = Obf.read(obf, config.maxPhrasesPerBoard());
        Board stored = db(() -> store.createBoard(profile, in.board(), config.maxBoardsPerProfile()));
        return new Obf.Imported(stored, in.skipped());
    }

    int maxObfBytes() {
        return config.maxObfBytes();
    }

    // ---- history, composing and prediction

    List<HistoryEntry> history(Caller caller, String profile, String language, int offset, int limit) {
        get(caller, profile);
        return db(() -> store.history(profile, language, offset, limit));
    }

    int deleteHistory(Caller caller, String profile) {
        get(caller, profile);
        int n = db(() -> store.deleteHistory(profile));
        changed(profile);
        return n;
    }

    void deleteHistoryEntry(Caller caller, String profile, String entry) {
        get(caller, profile);
        if (!db(() -> store.deleteHistoryEntry(profile, entry))) {
            throw new NotFoundException("no history entry '" + entry + "'");
        }
        changed(profile);
    }

    String compose(Caller caller, String profile) {
        get(caller, profile);
        return db(() -> store.compose(profile));
    }

    void setCompose(Caller caller, String profile, String text) {
        get(caller, profile);
        if (text.length() > 5000 || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidInputException("text", "at most 5000 characters, without control characters");
        }
        db(() -> {
            store.setCompose(profile, text);
            return null;
        });
    }

    /**
     * @param profile whose history to learn from, or {@code null} for the base corpus only
     * @param language the profile's first language when {@code null}, else English
     */
    Predictor.Prediction predict(Caller caller, String profile, String language, String text, int limit) {
        if (text.length() > 5000) {
            throw new InvalidInputException("text", "at most 5000 characters");
        }
        if (limit < 1 || limit > 50) {
            throw new InvalidInputException("limit", "must be 1 to 50");
        }
        if (profile == null) {
            String l = language == null ? "en" : language(language);
            return predictor.predict(l, text, null, 0, List.of(), List.of(), limit);
        }
        Profile p = get(caller, profile);
        String l = language == null ? p.languages().get(0) : language(language);
        Said history = said.computeIfAbsent(profile + '\u0000' + l, k -> new Said(generations.incrementAndGet(),
                db(() -> store.history(profile, l, 0, config.maxHistoryPerProfile())).stream()
                        .map(HistoryEntry::text).toList()));
        List<String> onBoards = db(() -> store.boards(profile)).stream()
                .filter(b -> Predictor.baseLanguage(b.locale()).equals(Predictor.baseLanguage(l)))
                .flatMap(b -> b.phrases().stream()).map(Phrase::spoken).toList();
        return predictor.predict(l, text, profile, history.generation(), history.texts(), onBoards, limit);
    }

    /**
     * Refuses a profile in a language no speech engine here speaks (422), when it is made or changed, rather than on
     * every phrase it would say: Chinese without espeak-ng, above all.
     */
    private void spoken(List<String> languages) {
        SpeechSynthesizer s = speech;
        if (s == null || languages == null) {
            return; // no synthesis at all now: the profile is kept for when there is
        }
        List<org.atelier.api.speech.Voice> voices = s.voices();
        for (String language : languages) {
            String base = Predictor.baseLanguage(language);
            boolean spoken = voices.stream().anyMatch(v -> v.speaks(language)
                    || base.equals("zh") && (v.speaks("cmn") || v.speaks("yue")));
            if (!spoken) {
                String name = java.util.Locale.forLanguageTag(language).getDisplayLanguage(java.util.Locale.ENGLISH);
                throw new org.atelier.api.UnsupportedInputException("languages: no speech engine here speaks "
                        + (name.isBlank() ? language : name + " ('" + language + "')")
                        + "; espeak-ng speaks it (and most languages): install it (apt-get install espeak-ng) and restart Atelier"
                        + (voices.isEmpty() ? "; no engine is present" : "; languages spoken now: " + String.join(
                        ", ", voices.stream().map(org.atelier.api.speech.Voice::language).distinct().sorted()
                        .toList())));
            }
        }
    }

    // ---- speaking with a profile

    /**
     * @param input what the person asked for; what it sets wins over the profile
     * @return the request to speak, and whether the audible label goes first
     */
    Applied apply(Profile p, SpeechRequest input) {
        String language = input.language() == null ? p.languages().get(0) : input.language();
        String voice = input.voice();
        if (voice == null && p.voice() != null
                && Predictor.baseLanguage(language).equals(Predictor.baseLanguage(p.languages().get(0)))) {
            SpeechSynthesizer s = speech;
            if (s != null && s.voices().stream().anyMatch(v -> v.id().equals(p.voice()))) {
                voice = p.voice();
            } else {
                LOG.info("Profile {}: voice {} is not there now; speaking with the language's default", p.id(),
                        p.voice());
            }
        }
        Map<String, String> lexicon = new LinkedHashMap<>(p.lexicon());
        lexicon.putAll(input.lexicon());
        double rate = input.rate() == 1 ? p.rate() : input.rate();
        double pitch = input.pitch() == 1 ? p.pitch() : input.pitch();
        double volume = input.volume() == 1 ? p.volume() : input.volume();
        return new Applied(new SpeechRequest(input.text(), input.ssml(), language, voice, rate, pitch, volume, lexicon),
                p.explicitLabel());
    }

    /** {@link #apply(Profile, SpeechRequest)} for a caller, who must be allowed the profile. */
    Applied apply(Caller caller, String profile, SpeechRequest input) {
        return apply(get(caller, profile), input);
    }

    @Override
    public Optional<Applied> apply(String profile, SpeechRequest request) {
        try {
            return Optional.of(apply(Caller.SHELL, profile, request));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public void spoken(String profile, SpeechRequest request) {
        Optional<VoiceStore.Owned> o = db(() -> store.profile(profile));
        if (o.isEmpty() || !o.get().profile().keepHistory() || request.ssml()) {
            return;
        }
        String language = request.language() == null ? o.get().profile().languages().get(0) : request.language();
        db(() -> store.addHistory(profile, language, request.text().strip(), config.maxHistoryPerProfile()));
        changed(profile);
    }

    /** A person's history, as prediction reads it; a new generation whenever it is read again. */
    private record Said(long generation, List<String> texts) {
    }

    private void changed(String profile) {
        said.keySet().removeIf(k -> k.startsWith(profile + '\u0000'));
    }

    private static String language(String language) {
        if (language.length() > 35 || !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}")) {
            throw new InvalidInputException("language", "'" + language + "' is not a language tag such as en or zh");
        }
        return language.toLowerCase(java.util.Locale.ROOT);
    }

    // ---- seeds

    /** @return the default boards for a language ({@code boards/index.txt}), empty for a language without any */
    List<Board> seeds(String language) {
        return seeds.computeIfAbsent(language, l -> {
            List<Board> out = new ArrayList<>();
            for (String name : seedNames(l)) {
                URL url = VoiceProfiles.class.getResource("/boards/" + name + ".obf");
                try (InputStream in = url.openStream()) {
                    out.add(Obf.read(JSON.readTree(in), Integer.MAX_VALUE).board());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return List.copyOf(out);
        });
    }

    private static List<String> seedNames(String language) {
        try (InputStream in = VoiceProfiles.class.getResourceAsStream("/boards/index.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] parts = line.strip().split("\\s+");
                if (!line.startsWith("#") && parts.length > 1 && parts[0].equals(language)) {
                    return List.of(parts).subList(1, parts.length);
                }
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- errors

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private static <T> T db(Sql<T> work) {
        try {
            return work.run();
        } catch (LimitException e) {
            throw new ClientErrorException(e.getMessage(), 409);
        } catch (SQLException e) {
            LOG.warn("Database error: {}", e.toString());
            throw new ServiceUnavailableException("the database is not available; try again shortly", 5L);
        }
    }

    private static NotFoundException noBoard(String id) {
        return new NotFoundException("no board '" + id + "'");
    }

    private static NotFoundException noPhrase(String id) {
        return new NotFoundException("no phrase '" + id + "'");
    }
}
