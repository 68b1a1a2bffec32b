package org.atelier.medical.voice.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.atelier.runtime.internal.VerticalStorageImpl;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VoiceStoreTest {

    VoiceStore store;
    DataSource dataSource;

    DataSource newDatabase() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @BeforeEach
    void open() throws Exception {
        dataSource = newDatabase();
        store = new VoiceStore(new VerticalStorageImpl(dataSource),
                Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));
    }

    static Profile anna() {
        return new Profile("anna", "Anna", "marytts:cmu-slt-hsmm", 0.9, null, null, List.of("en", "zh"),
                Map.of("Siobhan", "shivawn"), null, true, null, null, null).normalised();
    }

    static Board quick() {
        return new Board(null, "Quick", "en", null, List.of(new Phrase(null, "Yes", null, "rgb(204,255,204)"),
                new Phrase(null, "Help", "I need help.", null))).normalised(10);
    }

    @Test
    void aProfileIsStoredWithItsSettingsAndSeedBoards() throws Exception {
        Profile p = store.createProfile("key1", anna(), List.of(quick()), 5).profile();

        VoiceStore.Owned read = store.profile("key1", "anna").orElseThrow();
        assertThat(read.profile().id()).isEqualTo("anna");
        assertThat(read.owner()).isEqualTo("key1");
        assertThat(read.profile().rate()).isEqualTo(0.9);
        assertThat(read.profile().languages()).containsExactly("en", "zh");
        assertThat(read.profile().lexicon()).containsEntry("Siobhan", "shivawn");
        assertThat(read.profile().quietCompose()).isTrue();
        assertThat(read.profile().explicitLabel()).as("explicit label is off by default").isFalse();
        assertThat(read.profile().created()).isEqualTo("2026-11-29T10:00:00Z").isEqualTo(p.created());
        assertThat(store.boards(read.key())).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo("Quick");
            assertThat(b.phrases()).extracting(Phrase::spoken).containsExactly("Yes", "I need help.");
        });
        assertThat(store.profiles("key1")).hasSize(1);
        assertThat(store.profiles("key2")).isEmpty();
        assertThat(store.profiles(null)).hasSize(1);
    }

    @Test
    void anIdIsUniquePerOwnerAndAKeyHasAtMostItsProfiles() throws Exception {
        VoiceStore.Owned hers = store.createProfile("key1", anna(), List.of(quick()), 2);
        assertThatThrownBy(() -> store.createProfile("key1", anna(), List.of(), 2))
                .isInstanceOf(LimitException.class).hasMessage("you have a profile with id 'anna' already; choose "
                        + "another");

        VoiceStore.Owned his = store.createProfile("key2", anna().with("anna", null, null), List.of(), 2);
        VoiceStore.Owned shells = store.createProfile(VoiceStore.SHELL, anna(), List.of(), 2);
        assertThat(List.of(hers.key(), his.key(), shells.key())).doesNotHaveDuplicates();
        assertThat(store.profile("key1", "anna")).get().extracting(VoiceStore.Owned::key).isEqualTo(hers.key());
        assertThat(store.profile("key2", "anna")).get().extracting(VoiceStore.Owned::key).isEqualTo(his.key());
        assertThat(store.profile("key3", "anna")).isEmpty();
        assertThat(store.profilesWithId("anna")).extracting(VoiceStore.Owned::owner)
                .containsExactly(VoiceStore.SHELL, "key1", "key2");
        assertThat(store.boards(hers.key())).hasSize(1);
        assertThat(store.boards(his.key())).as("boards follow their own profile").isEmpty();
        store.addHistory(his.key(), "en", "his words", 10);
        assertThat(store.history(hers.key(), null, 0, 10)).isEmpty();
        assertThat(store.replaceProfile(his.key(), anna().with("anna", null, null))).get()
                .extracting(Profile::id).isEqualTo("anna");
        assertThat(store.deleteProfile(his.key())).isTrue();
        assertThat(store.profile("key1", "anna")).as("another owner's delete leaves hers").isPresent();

        store.createProfile("key1", anna().with("bo", null, null), List.of(), 2);
        assertThatThrownBy(() -> store.createProfile("key1", anna().with("cy", null, null), List.of(), 2))
                .isInstanceOf(LimitException.class).hasMessageContaining("at most 2 profiles");
    }

    @Test
    void boardsAndPhrasesCanBeChangedAndDeleted() throws Exception {
        String k = store.createProfile("key1", anna(), List.of(), 5).key();
        Board b = store.createBoard(k, quick(), 2);
        assertThat(b.position()).isZero();
        Phrase water = store.addPhrase(k, b.id(), new Phrase(null, "Water", "I am thirsty.", null), 3)
                .orElseThrow();
        assertThatThrownBy(() -> store.addPhrase(k, b.id(), new Phrase(null, "More", null, null), 3))
                .isInstanceOf(LimitException.class).hasMessageContaining("at most 3 phrases");
        assertThat(store.replacePhrase(k, b.id(), water.id(), new Phrase(null, "Drink", "A drink, please.",
                null))).isPresent();
        assertThat(store.board(k, b.id()).orElseThrow().phrases()).extracting(Phrase::label)
                .containsExactly("Yes", "Help", "Drink");
        assertThat(store.deletePhrase(k, b.id(), water.id())).isTrue();
        assertThat(store.deletePhrase(k, "another-board", water.id())).isFalse();

        Board renamed = store.replaceBoard(k, b.id(), new Board(null, "Needs", "en", 3,
                List.of(new Phrase(null, "No", null, null)))).orElseThrow();
        assertThat(renamed.position()).isEqualTo(3);
        assertThat(store.board(k, b.id()).orElseThrow().phrases()).extracting(Phrase::label)
                .containsExactly("No");
        assertThat(store.createBoard(k, quick(), 2).position()).isEqualTo(4);
        assertThatThrownBy(() -> store.createBoard(k, quick(), 2)).isInstanceOf(LimitException.class);
        assertThat(store.replaceBoard(k, "nope", quick())).isEmpty();
        assertThat(store.deleteBoard(k, b.id())).isTrue();
        assertThat(store.boards(k)).hasSize(1);
    }

    @Test
    void historyIsNewestFirstKeepsAtMostItsLimitAndIsDeletable() throws Exception {
        String k = store.createProfile("key1", anna(), List.of(), 5).key();
        for (int i = 0; i < 5; i++) {
            store.addHistory(k, i % 2 == 0 ? "en" : "zh", "said " + i, 3);
        }
        List<HistoryEntry> all = store.history(k, null, 0, 10);
        assertThat(all).extracting(HistoryEntry::text).containsExactly("said 4", "said 3", "said 2");
        assertThat(store.history(k, "zh", 0, 10)).extracting(HistoryEntry::text).containsExactly("said 3");
        assertThat(store.deleteHistoryEntry(k, all.get(0).id())).isTrue();
        assertThat(store.deleteHistory(k)).isEqualTo(2);
        assertThat(store.history(k, null, 0, 10)).isEmpty();
    }

    @Test
    void deletingAProfileDeletesItsBoardsAndHistoryAndComposing() throws Exception {
        String k = store.createProfile("key1", anna(), List.of(quick()), 5).key();
        store.addHistory(k, "en", "hello", 10);
        store.setCompose(k, "I need");
        assertThat(store.compose(k)).isEqualTo("I need");

        assertThat(store.deleteProfile(k)).isTrue();

        assertThat(store.profile("key1", "anna")).isEmpty();
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT (SELECT COUNT(*) FROM medical_voice_boards) + (SELECT COUNT(*) FROM "
                     + "medical_voice_phrases) + (SELECT COUNT(*) FROM medical_voice_history)")) {
            r.next();
            assertThat(r.getInt(1)).isZero();
        }
    }

    @Test
    void profilesMadeBeforeIdsWerePerOwnerKeepTheirIdsBoardsAndHistory() throws Exception {
        DataSource old = newDatabase();
        new VerticalStorageImpl(old).migrate(VoiceStore.COMPONENT, VoiceStore.MIGRATIONS.subList(0, 1));
        try (var c = old.getConnection(); var s = c.createStatement()) {
            s.execute("INSERT INTO medical_voice_profiles (id, owner, settings, compose, created, updated) VALUES "
                    + "('anna', 'key1', '{\"name\":\"Anna\"}', 'I need', TIMESTAMP WITH TIME ZONE "
                    + "'2026-11-01 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00'), "
                    + "('ward', NULL, '{}', '', TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00')");
            s.execute("INSERT INTO medical_voice_boards (id, profile_id, name, locale, ord) VALUES "
                    + "('b1', 'anna', 'Quick', 'en', 0)");
            s.execute("INSERT INTO medical_voice_history (id, profile_id, language, words, spoken, seq) VALUES "
                    + "('h1', 'anna', 'en', 'hello', TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00', 1)");
        }

        VoiceStore migrated = new VoiceStore(new VerticalStorageImpl(old), Clock.systemUTC());

        VoiceStore.Owned anna = migrated.profile("key1", "anna").orElseThrow();
        assertThat(anna.key()).isEqualTo("anna");
        assertThat(anna.profile().name()).isEqualTo("Anna");
        assertThat(migrated.boards(anna.key())).extracting(Board::name).containsExactly("Quick");
        assertThat(migrated.history(anna.key(), null, 0, 10)).extracting(HistoryEntry::text).containsExactly("hello");
        assertThat(migrated.compose(anna.key())).isEqualTo("I need");
        assertThat(migrated.profile(VoiceStore.SHELL, "ward")).as("the shell's profile is owner ''").isPresent();
        assertThat(migrated.createProfile("key2", anna(), List.of(), 5).profile().id())
                .as("another key may now have an anna").isEqualTo("anna");
        assertThatThrownBy(() -> migrated.createProfile(VoiceStore.SHELL, anna().with("ward", null, null), List.of(),
                5)).isInstanceOf(LimitException.class);
    }

    @Test
    void theDatabaseRefusesASecondProfileOfAnIdForTheSameOwner() throws Exception {
        store.createProfile("key1", anna(), List.of(), 5);
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("INSERT INTO medical_voice_profiles (id, handle, owner, settings, "
                    + "compose, created, updated) VALUES ('other', 'anna', 'key1', '{}', '', CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP)")).isInstanceOf(java.sql.SQLException.class)
                    .satisfies(e -> assertThat(((java.sql.SQLException) e).getSQLState()).startsWith("23"));
        }
    }

    @Test
    void migratingAgainChangesNothing() throws Exception {
        store.createProfile("key1", anna(), List.of(), 5);
        VoiceStore again = new VoiceStore(new VerticalStorageImpl(dataSource), Clock.systemUTC());
        assertThat(again.profile("key1", "anna")).isPresent();
    }
}
