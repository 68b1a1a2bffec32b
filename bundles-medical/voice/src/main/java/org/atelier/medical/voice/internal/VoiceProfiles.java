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


import org.atelier.api.InvalidInputException;
import org.atelier.api.speech.SpeechProfiles;
import org.atelier.api.speech.SpeechRequest;
import org.atelier.api.speech.SpeechSynthesizer;
import org.atelier.api.storage.VerticalStorage;
import org.atelier.medical.voice.internal.predict.Predictor;
import org.atelier.medical.voice.internal.store.Board;
import org.atelier.medical.voice.internal.store.HistoryEntry;
import org.atelier.medical.voice.internal.store.LimitException;
import org.atelier.medical.voice.internal.store.Obf;
import org.atelier.medical.voice.internal.store.Phrase;
import org.atelier.medical.voice.internal.store.Profile;
import org.atelier.medical.voice.internal.store.VoiceStore;
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
     * Starts on the platform's database once it answers: the storage service is there only then (a database that is
     * down at boot is waited for by the platform).
     */
    @Activate
    public VoiceProfiles(@Reference VerticalStorage storage, VoiceConfig config) throws SQLException {
        this(new VoiceStore(storage, Clock.systemUTC()), config);
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
        return db(() -> store.createProfile(owner(caller), p, seed, config.maxProfilesPerKey())).profile();
    }

    /** The shell has no key: its profiles are {@link VoiceStore#SHELL}'s. */
    private static String owner(Caller caller) {
        return caller.key() == null ? VoiceStore.SHELL : caller.key();
    }

    List<Profile> list(Caller caller) {
        return owned(caller).stream().map(VoiceStore.Owned::profile).toList();
    }

    /** The caller's profiles with their owners (everyone's for an admin and the shell). */
    List<VoiceStore.Owned> owned(Caller caller) {
        return db(() -> store.profiles(caller.admin() ? null : owner(caller)));
    }

    Profile get(Caller caller, String id) {
        return find(caller, id).profile();
    }

    /**
     * The caller's profile with this id; ids are unique per owner, so another key's profile of the same id is not
     * seen (404, as if it did not exist). An admin, and the shell, find their own first, else the one profile of
     * any owner with this id; where several owners have one, they name it {@code id@owner} (the owner's key id,
     * nothing after the {@code @} for the shell's).
     */
    VoiceStore.Owned find(Caller caller, String id) {
        String handle = id;
        String owner = owner(caller);
        int at = caller.admin() ? id.lastIndexOf('@') : -1;
        if (at >= 0) {
            handle = id.substring(0, at);
            owner = id.substring(at + 1);
        }
        if (!Profile.ID.matcher(handle).matches()) {
            throw new NotFoundException("no profile '" + id + "'");
        }
        String h = handle;
        String o = owner;
        Optional<VoiceStore.Owned> own = db(() -> store.profile(o, h));
        if (own.isPresent()) {
            return own.get();
        }
        if (caller.admin() && at < 0) {
            List<VoiceStore.Owned> all = db(() -> store.profilesWithId(h));
            if (all.size() == 1) {
                return all.get(0);
            }
            if (all.size() > 1) {
                throw new ClientErrorException(all.size() + " keys have a profile '" + h + "': name one as "
                        + String.join(", ", all.stream().map(x -> h + "@" + x.owner()).toList()), 409);
            }
        }
        throw new NotFoundException("no profile '" + id + "'");
    }

    Profile replace(Caller caller, String id, Profile input) {
        VoiceStore.Owned o = find(caller, id);
        id = o.profile().id();
        if (input.id() != null && !input.id().equals(id)) {
            throw new InvalidInputException("id", "is '" + input.id() + "' in the body but '" + id + "' in the path");
        }
        Profile p = input.with(id, null, null).normalised();
        spoken(p.languages());
        String shown = id;
        return db(() -> store.replaceProfile(o.key(), p))
                .orElseThrow(() -> new NotFoundException("no profile '" + shown + "'"));
    }

    void delete(Caller caller, String id) {
        String key = find(caller, id).key();
        db(() -> store.deleteProfile(key));
        changed(key);
        predictor.forget(key);
    }

    // ---- boards

    List<Board> boards(Caller caller, String profile) {
        String key = find(caller, profile).key();
        return db(() -> store.boards(key));
    }

    Board board(Caller caller, String profile, String board) {
        String key = find(caller, profile).key();
        return db(() -> store.board(key, board)).orElseThrow(() -> noBoard(board));
    }

    Board createBoard(Caller caller, String profile, Board input) {
        String key = find(caller, profile).key();
        Board b = input.normalised(config.maxPhrasesPerBoard());
        return db(() -> store.createBoard(key, b, config.maxBoardsPerProfile()));
    }

    Board replaceBoard(Caller caller, String profile, String board, Board input) {
        String key = find(caller, profile).key();
        Board b = input.normalised(config.maxPhrasesPerBoard());
        return db(() -> store.replaceBoard(key, board, b)).orElseThrow(() -> noBoard(board));
    }

    void deleteBoard(Caller caller, String profile, String board) {
        String key = find(caller, profile).key();
        if (!db(() -> store.deleteBoard(key, board))) {
            throw noBoard(board);
        }
    }

    Phrase addPhrase(Caller caller, String profile, String board, Phrase input) {
        String key = find(caller, profile).key();
        Phrase p = input.normalised();
        return db(() -> store.addPhrase(key, board, p, config.maxPhrasesPerBoard())).orElseThrow(() -> noBoard(board));
    }

    Phrase replacePhrase(Caller caller, String profile, String board, String phrase, Phrase input) {
        String key = find(caller, profile).key();
        Phrase p = input.normalised();
        return db(() -> store.replacePhrase(key, board, phrase, p)).orElseThrow(() -> noPhrase(phrase));
    }

    void deletePhrase(Caller caller, String profile, String board, String phrase) {
        String key = find(caller, profile).key();
        if (!db(() -> store.deletePhrase(key, board, phrase))) {
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
        String key = find(caller, profile).key();
        Obf.Imported in = Obf.read(obf, config.maxPhrasesPerBoard());
        Board stored = db(() -> store.createBoard(key, in.board(), config.maxBoardsPerProfile()));
        return new Obf.Imported(stored, in.skipped());
    }

    int maxObfBytes() {
        return config.maxObfBytes();
    }

    // ---- history, composing and prediction

    List<HistoryEntry> history(Caller caller, String profile, String language, int offset, int limit) {
        String key = find(caller, profile).key();
        return db(() -> store.history(key, language, offset, limit));
    }

    int deleteHistory(Caller caller, String profile) {
        String key = find(caller, profile).key();
        int n = db(() -> store.deleteHistory(key));
        changed(key);
        return n;
    }

    void deleteHistoryEntry(Caller caller, String profile, String entry) {
        String key = find(caller, profile).key();
        if (!db(() -> store.deleteHistoryEntry(key, entry))) {
            throw new NotFoundException("no history entry '" + entry + "'");
        }
        changed(key);
    }

    String compose(Caller caller, String profile) {
        String key = find(caller, profile).key();
        return db(() -> store.compose(key));
    }

    void setCompose(Caller caller, String profile, String text) {
        String key = find(caller, profile).key();
        if (text.length() > 5000 || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidInputException("text", "at most 5000 characters, without control characters");
        }
        db(() -> {
            store.setCompose(key, text);
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
        VoiceStore.Owned o = find(caller, profile);
        Profile p = o.profile();
        String key = o.key();
        String l = language == null ? p.languages().get(0) : language(language);
        Said history = said.computeIfAbsent(key + '\u0000' + l, k -> new Said(generations.incrementAndGet(),
                db(() -> store.history(key, l, 0, config.maxHistoryPerProfile())).stream()
                        .map(HistoryEntry::text).toList()));
        List<String> onBoards = db(() -> store.boards(key)).stream()
                .filter(b -> Predictor.baseLanguage(b.locale()).equals(Predictor.baseLanguage(l)))
                .flatMap(b -> b.phrases().stream()).map(Phrase::spoken).toList();
        return predictor.predict(l, text, key, history.generation(), history.texts(), onBoards, limit);
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

    /** From the shell ({@code atelier:say --profile}): the shell's own profile, else the one of that id. */
    @Override
    public void spoken(String profile, SpeechRequest request) {
        spoken(Caller.SHELL, profile, request);
    }

    /** Keeps what was said in the history of the caller's profile of that id (when it keeps history). */
    void spoken(Caller caller, String profile, SpeechRequest request) {
        VoiceStore.Owned o;
        try {
            o = find(caller, profile);
        } catch (ClientErrorException e) { // 404 deleted meanwhile, 409 the shell names an id several keys have
            return;
        }
        if (!o.profile().keepHistory() || request.ssml()) {
            return;
        }
        String language = request.language() == null ? o.profile().languages().get(0) : request.language();
        db(() -> store.addHistory(o.key(), language, request.text().strip(), config.maxHistoryPerProfile()));
        changed(o.key());
    }

    /** A person's history, as prediction reads it; a new generation whenever it is read again. */
    private record Said(long generation, List<String> texts) {
    }

    /** @param key the profile's row key, which the prediction cache goes by (ids are only unique per owner) */
    private void changed(String key) {
        said.keySet().removeIf(k -> k.startsWith(key + '\u0000'));
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
