package org.atelier.medical.voice.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.atelier.api.storage.VerticalStorage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Profiles, phrase boards and history in the platform's database (H2 by default, PostgreSQL by configuration), each
 * change committed before it is answered, so a crash loses nothing that was acknowledged. Deleting a profile deletes
 * its boards and history with it (foreign keys with {@code ON DELETE CASCADE}).
 * <p>
 * A profile's id ({@link Profile#id()}, the one people see) is unique per owner: two keys may each have an
 * {@code anna}. Boards, phrases, history and composing go by the row's key ({@link Owned#key()}, the
 * {@code profileId} parameters below), found by {@link #profile(String, String) owner and id}.
 */
public final class VoiceStore {

    static final String COMPONENT = "medical.voice";
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE IF NOT EXISTS medical_voice_profiles (id VARCHAR(64) PRIMARY KEY, owner VARCHAR(64), "
                    + "settings TEXT NOT NULL, compose TEXT NOT NULL, created TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "updated TIMESTAMP WITH TIME ZONE NOT NULL)",
            "CREATE INDEX IF NOT EXISTS medical_voice_profiles_owner ON medical_voice_profiles (owner)",
            "CREATE TABLE IF NOT EXISTS medical_voice_boards (id VARCHAR(64) PRIMARY KEY, profile_id VARCHAR(64) "
                    + "NOT NULL REFERENCES medical_voice_profiles (id) ON DELETE CASCADE, name VARCHAR(200) NOT NULL, "
                    + "locale VARCHAR(35) NOT NULL, ord INTEGER NOT NULL)",
            "CREATE INDEX IF NOT EXISTS medical_voice_boards_profile ON medical_voice_boards (profile_id)",
            "CREATE TABLE IF NOT EXISTS medical_voice_phrases (id VARCHAR(64) PRIMARY KEY, board_id VARCHAR(64) "
                    + "NOT NULL REFERENCES medical_voice_boards (id) ON DELETE CASCADE, label VARCHAR(200) NOT NULL, "
                    + "vocalization TEXT, color VARCHAR(64), ord INTEGER NOT NULL)",
            "CREATE INDEX IF NOT EXISTS medical_voice_phrases_board ON medical_voice_phrases (board_id)",
            "CREATE TABLE IF NOT EXISTS medical_voice_history (id VARCHAR(64) PRIMARY KEY, profile_id VARCHAR(64) "
                    + "NOT NULL REFERENCES medical_voice_profiles (id) ON DELETE CASCADE, language VARCHAR(35) NOT NULL, "
                    + "words TEXT NOT NULL, spoken TIMESTAMP WITH TIME ZONE NOT NULL, seq BIGINT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS medical_voice_history_profile ON medical_voice_history (profile_id, seq)"),
            // 2: a profile's id (the one people see and type) is unique per owner, no longer across all keys; the
            // row's key is the old id for existing profiles and a random one for new ones, so boards, phrases and
            // history (which reference the row's key) follow unchanged. The shell's profiles are owner ''.
            List.of("ALTER TABLE medical_voice_profiles ADD COLUMN IF NOT EXISTS handle VARCHAR(64)",
                    "UPDATE medical_voice_profiles SET handle = id WHERE handle IS NULL",
                    "UPDATE medical_voice_profiles SET owner = '' WHERE owner IS NULL",
                    "ALTER TABLE medical_voice_profiles ALTER COLUMN handle SET NOT NULL",
                    "ALTER TABLE medical_voice_profiles ALTER COLUMN owner SET NOT NULL",
                    "CREATE UNIQUE INDEX IF NOT EXISTS medical_voice_profiles_owner_handle "
                            + "ON medical_voice_profiles (owner, handle)"));

    /** The owner of profiles made from the shell (no API key). */
    public static final String SHELL = "";
    private static final String COLUMNS = "id, owner, settings, created, updated, handle";

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final DataSource dataSource;
    private final Clock clock;

    /** On the platform's database, with this store's tables migrated. */
    public VoiceStore(VerticalStorage storage, Clock clock) throws SQLException {
        storage.migrate(COMPONENT, MIGRATIONS);
        this.dataSource = storage.dataSource();
        this.clock = clock;
    }

    /**
     * A profile and who made it.
     *
     * @param key the row's key, which boards, phrases, history and composing go by; not shown to people
     * @param profile its settings, with the id its owner gave it ({@link Profile#id()}, unique per owner)
     * @param owner the API key's id, {@link #SHELL} for the shell's
     */
    public record Owned(String key, Profile profile, String owner) {
    }

    // ---- profiles

    /**
     * @param owner the API key that makes it, {@link #SHELL} from the shell (no limit)
     * @param seed boards to give the new profile, in order
     * @throws LimitException when the owner has a profile with this id already, or {@code maxProfiles} profiles;
     *         another owner's profiles do not count (nor are they told of)
     */
    public Owned createProfile(String owner, Profile p, List<Board> seed, int maxProfiles) throws SQLException {
        Instant now = clock.instant();
        Profile stored = p.with(p.id(), now, now);
        String key = UUID.randomUUID().toString();
        try {
            return inTransaction(c -> create(c, owner, key, stored, seed, maxProfiles));
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23") && profile(owner, p.id()).isPresent()) {
                throw taken(p.id()); // made by the same owner at the same moment
            }
            throw e;
        }
    }

    private static LimitException taken(String id) {
        return new LimitException("you have a profile with id '" + id + "' already; choose another");
    }

    private static Owned create(Connection c, String owner, String key, Profile p, List<Board> seed,
                                int maxProfiles) throws SQLException {
        if (profile(c, owner, p.id()).isPresent()) {
            throw taken(p.id());
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM medical_voice_profiles WHERE owner = ?")) {
            s.setString(1, owner);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (!SHELL.equals(owner) && r.getInt(1) >= maxProfiles) {
                    throw new LimitException("at most " + maxProfiles + " profiles per key (maxProfilesPerKey)");
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO medical_voice_profiles "
                + "(id, handle, owner, settings, compose, created, updated) VALUES (?, ?, ?, ?, '', ?, ?)")) {
            s.setString(1, key);
            s.setString(2, p.id());
            s.setString(3, owner);
            s.setString(4, settings(p));
            s.setObject(5, time(Instant.parse(p.created())));
            s.setObject(6, time(Instant.parse(p.updated())));
            s.executeUpdate();
        }
        int position = 0;
        for (Board b : seed) {
            insertBoard(c, key, new Board(null, b.name(), b.locale(), position++, b.phrases()));
        }
        return new Owned(key, p, owner);
    }

    /** @return the owner's profile with this id ({@link Profile#id()}) */
    public Optional<Owned> profile(String owner, String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return profile(c, owner, id);
        }
    }

    /** @return every owner's profile with this id, for an admin */
    public List<Owned> profilesWithId(String id) throws SQLException {
        return select("WHERE handle = ? ORDER BY owner", id);
    }

    /** @param owner whose profiles, or {@code null} for everyone's */
    public List<Owned> profiles(String owner) throws SQLException {
        return owner == null ? select("ORDER BY handle, owner") : select("WHERE owner = ? ORDER BY handle", owner);
    }

    private List<Owned> select(String where, String... args) throws SQLException {
        List<Owned> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM medical_voice_profiles " + where)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(owned(r));
                }
            }
        }
        return out;
    }

    /**
     * @param key the row's key ({@link Owned#key()}); the profile keeps its id
     * @return the stored profile, or empty when there is none with that key
     */
    public Optional<Profile> replaceProfile(String key, Profile p) throws SQLException {
        return inTransaction(c -> {
            Optional<Owned> old = byKey(c, key);
            if (old.isEmpty()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Profile stored = p.with(old.get().profile().id(), Instant.parse(old.get().profile().created()), now);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE medical_voice_profiles SET settings = ?, updated = ? WHERE id = ?")) {
                s.setString(1, settings(stored));
                s.setObject(2, time(now));
                s.setString(3, key);
                s.executeUpdate();
            }
            return Optional.of(stored);
        });
    }

    /** Deletes a profile (by its row's key, {@link Owned#key()}) with its boards, phrases and history. */
    public boolean deleteProfile(String key) throws SQLException {
        return update("DELETE FROM medical_voice_profiles WHERE id = ?", key) > 0;
    }

    /** @return the sentence being composed quietly, empty when none */
    public String compose(String profileId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT compose FROM medical_voice_profiles WHERE id = ?")) {
            s.setString(1, profileId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "";
            }
        }
    }

    public void setCompose(String profileId, String text) throws SQLException {
        update("UPDATE medical_voice_profiles SET compose = ? WHERE id = ?", text, profileId);
    }

    // ---- boards

    public List<Board> boards(String profileId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Board> boards = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, locale, ord FROM medical_voice_boards "
                    + "WHERE profile_id = ? ORDER BY ord, id")) {
                s.setString(1, profileId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        boards.put(r.getString(1), new Board(r.getString(1), r.getString(2), r.getString(3),
                                r.getInt(4), new ArrayList<>()));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT p.id, p.label, p.vocalization, p.color, p.board_id "
                    + "FROM medical_voice_phrases p JOIN medical_voice_boards b ON p.board_id = b.id "
                    + "WHERE b.profile_id = ? ORDER BY p.ord, p.id")) {
                s.setString(1, profileId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Board b = boards.get(r.getString(5));
                        if (b != null) {
                            b.phrases().add(phrase(r));
                        }
                    }
                }
            }
            return boards.values().stream().map(b -> new Board(b.id(), b.name(), b.locale(), b.position(),
                    List.copyOf(b.phrases()))).toList();
        }
    }

    public Optional<Board> board(String profileId, String boardId) throws SQLException {
        return boards(profileId).stream().filter(b -> b.id().equals(boardId)).findFirst();
    }

    /** @throws LimitException when the profile has {@code maxBoards} already */
    public Board createBoard(String profileId, Board b, int maxBoards) throws SQLException {
        return inTransaction(c -> {
            int count = 0;
            int next = 0;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*), COALESCE(MAX(ord) + 1, 0) FROM medical_voice_boards WHERE profile_id = ?")) {
                s.setString(1, profileId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    count = r.getInt(1);
                    next = r.getInt(2);
                }
            }
            if (count >= maxBoards) {
                throw new LimitException("at most " + maxBoards + " boards per profile (maxBoardsPerProfile)");
            }
            return insertBoard(c, profileId, new Board(null, b.name(), b.locale(),
                    b.position() == null ? next : b.position(), b.phrases()));
        });
    }

    /** Replaces a board's name, locale, position and phrases; phrase ids that are given are kept. */
    public Optional<Board> replaceBoard(String profileId, String boardId, Board b) throws SQLException {
        return inTransaction(c -> {
            Optional<Integer> position = boardPosition(c, profileId, boardId);
            if (position.isEmpty()) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE medical_voice_boards SET name = ?, locale = ?, ord = ? WHERE id = ?")) {
                s.setString(1, b.name());
                s.setString(2, b.locale());
                s.setInt(3, b.position() == null ? position.get() : b.position());
                s.setString(4, boardId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM medical_voice_phrases WHERE board_id = ?")) {
                s.setString(1, boardId);
                s.executeUpdate();
            }
            List<Phrase> phrases = new ArrayList<>();
            int i = 0;
            for (Phrase p : b.phrases()) {
                phrases.add(insertPhrase(c, boardId, p, i++));
            }
            return Optional.of(new Board(boardId, b.name(), b.locale(),
                    b.position() == null ? position.get() : b.position(), phrases));
        });
    }

    public boolean deleteBoard(String profileId, String boardId) throws SQLException {
        return update("DELETE FROM medical_voice_boards WHERE id = ? AND profile_id = ?", boardId, profileId) > 0;
    }

    /** @return the new phrase, at the end of the board; empty when there is no such board */
    public Optional<Phrase> addPhrase(String profileId, String boardId, Phrase p, int maxPhrases) throws SQLException {
        return inTransaction(c -> {
            if (boardPosition(c, profileId, boardId).isEmpty()) {
                return Optional.empty();
            }
            int count;
            int next;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*), COALESCE(MAX(ord) + 1, 0) FROM medical_voice_phrases WHERE board_id = ?")) {
                s.setString(1, boardId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    count = r.getInt(1);
                    next = r.getInt(2);
                }
            }
            if (count >= maxPhrases) {
                throw new LimitException("at most " + maxPhrases + " phrases on a board (maxPhrasesPerBoard)");
            }
            return Optional.of(insertPhrase(c, boardId, p, next));
        });
    }

    public Optional<Phrase> replacePhrase(String profileId, String boardId, String phraseId, Phrase p)
            throws SQLException {
        return inTransaction(c -> {
            if (boardPosition(c, profileId, boardId).isEmpty()) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE medical_voice_phrases SET label = ?, "
                    + "vocalization = ?, color = ? WHERE id = ? AND board_id = ?")) {
                s.setString(1, p.label());
                s.setString(2, p.vocalization());
                s.setString(3, p.color());
                s.setString(4, phraseId);
                s.setString(5, boardId);
                return s.executeUpdate() > 0 ? Optional.of(new Phrase(phraseId, p.label(), p.vocalization(),
                        p.color())) : Optional.empty();
            }
        });
    }

    public boolean deletePhrase(String profileId, String boardId, String phraseId) throws SQLException {
        return update("DELETE FROM medical_voice_phrases WHERE id = ? AND board_id IN "
                + "(SELECT id FROM medical_voice_boards WHERE id = ? AND profile_id = ?)", phraseId, boardId,
                profileId) > 0;
    }

    // ---- history

    /** Keeps what was said; beyond {@code max} entries the oldest go. */
    public HistoryEntry addHistory(String profileId, String language, String text, int max) throws SQLException {
        Instant now = clock.instant();
        HistoryEntry e = new HistoryEntry(UUID.randomUUID().toString(), language, text, now.toString());
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO medical_voice_history "
                    + "(id, profile_id, language, words, spoken, seq) VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) "
                    + "+ 1 FROM medical_voice_history WHERE profile_id = ?))")) {
                s.setString(1, e.id());
                s.setString(2, profileId);
                s.setString(3, language);
                s.setString(4, text);
                s.setObject(5, time(now));
                s.setString(6, profileId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM medical_voice_history WHERE profile_id = ? "
                    + "AND id IN (SELECT id FROM medical_voice_history WHERE profile_id = ? "
                    + "ORDER BY seq DESC OFFSET ? ROWS)")) {
                s.setString(1, profileId);
                s.setString(2, profileId);
                s.setInt(3, max);
                s.executeUpdate();
            }
            return null;
        });
        return e;
    }

    /** @return the newest first */
    public List<HistoryEntry> history(String profileId, String language, int offset, int limit) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, language, words, spoken FROM medical_voice_history WHERE profile_id = ?"
                        + (language == null ? "" : " AND language = ?")
                        + " ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            int i = 1;
            s.setString(i++, profileId);
            if (language != null) {
                s.setString(i++, language);
            }
            s.setInt(i++, offset);
            s.setInt(i, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    OffsetDateTime t = r.getObject(4, OffsetDateTime.class);
                    out.add(new HistoryEntry(r.getString(1), r.getString(2), r.getString(3), t.toInstant().toString()));
                }
            }
        }
        return out;
    }

    /** @return how many entries were deleted */
    public int deleteHistory(String profileId) throws SQLException {
        return update("DELETE FROM medical_voice_history WHERE profile_id = ?", profileId);
    }

    public boolean deleteHistoryEntry(String profileId, String entryId) throws SQLException {
        return update("DELETE FROM medical_voice_history WHERE id = ? AND profile_id = ?", entryId, profileId) > 0;
    }

    // ---- plumbing

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T t = work.run(c);
                c.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private int update(String sql, String... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    private static Optional<Owned> profile(Connection c, String owner, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM medical_voice_profiles WHERE owner = ? AND handle = ?")) {
            s.setString(1, owner);
            s.setString(2, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(owned(r)) : Optional.empty();
            }
        }
    }

    private static Optional<Owned> byKey(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM medical_voice_profiles WHERE id = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(owned(r)) : Optional.empty();
            }
        }
    }

    private static Owned owned(ResultSet r) throws SQLException {
        Profile p;
        try {
            p = JSON.readValue(r.getString(3), Profile.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("profile " + r.getString(1) + " has unreadable settings", e);
        }
        Instant created = r.getObject(4, OffsetDateTime.class).toInstant();
        Instant updated = r.getObject(5, OffsetDateTime.class).toInstant();
        return new Owned(r.getString(1), p.with(r.getString(6), created, updated), r.getString(2));
    }

    private static String settings(Profile p) throws SQLException {
        try {
            return JSON.writeValueAsString(p.with(p.id(), null, null));
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write profile " + p.id(), e);
        }
    }

    private Optional<Integer> boardPosition(Connection c, String profileId, String boardId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT ord FROM medical_voice_boards WHERE id = ? AND profile_id = ?")) {
            s.setString(1, boardId);
            s.setString(2, profileId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getInt(1)) : Optional.empty();
            }
        }
    }

    private static Board insertBoard(Connection c, String profileId, Board b) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO medical_voice_boards (id, profile_id, name, locale, ord) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, profileId);
            s.setString(3, b.name());
            s.setString(4, b.locale());
            s.setInt(5, b.position());
            s.executeUpdate();
        }
        List<Phrase> phrases = new ArrayList<>();
        int i = 0;
        for (Phrase p : b.phrases()) {
            phrases.add(insertPhrase(c, id, p, i++));
        }
        return new Board(id, b.name(), b.locale(), b.position(), phrases);
    }

    private static Phrase insertPhrase(Connection c, String boardId, Phrase p, int position) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO medical_voice_phrases "
                + "(id, board_id, label, vocalization, color, ord) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, boardId);
            s.setString(3, p.label());
            s.setString(4, p.vocalization());
            s.setString(5, p.color());
            s.setInt(6, position);
            s.executeUpdate();
        }
        return new Phrase(id, p.label(), p.vocalization(), p.color());
    }

    private static Phrase phrase(ResultSet r) throws SQLException {
        return new Phrase(r.getString(1), r.getString(2), r.getString(3), r.getString(4));
    }

    private static OffsetDateTime time(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
