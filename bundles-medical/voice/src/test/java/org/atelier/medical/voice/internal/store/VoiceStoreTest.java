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
        store = new VoiceStore(dataSource, Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));
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
        Profile p = store.createProfile("key1", anna(), List.of(quick()), 5);

        VoiceStore.Owned read = store.profile("anna").orElseThrow();
        assertThat(read.owner()).isEqualTo("key1");
        assertThat(read.profile().rate()).isEqualTo(0.9);
        assertThat(read.profile().languages()).containsExactly("en", "zh");
        assertThat(read.profile().lexicon()).containsEntry("Siobhan", "shivawn");
        assertThat(read.profile().quietCompose()).isTrue();
        assertThat(read.profile().explicitLabel()).as("explicit label is off by default").isFalse();
        assertThat(read.profile().created()).isEqualTo("2026-11-29T10:00:00Z").isEqualTo(p.created());
        assertThat(store.boards("anna")).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo("Quick");
            assertThat(b.phrases()).extracting(Phrase::spoken).containsExactly("Yes", "I need help.");
        });
        assertThat(store.profiles("key1")).hasSize(1);
        assertThat(store.profiles("key2")).isEmpty();
        assertThat(store.profiles(null)).hasSize(1);
    }

    @Test
    void anIdIsTakenOnceAndAKeyHasAtMostItsProfiles() throws Exception {
        store.createProfile("key1", anna(), List.of(), 2);
        assertThatThrownBy(() -> store.createProfile("key2", anna(), List.of(), 2))
                .isInstanceOf(LimitException.class).hasMessageContaining("'anna' is taken");
        store.createProfile("key1", anna().with("bo", null, null), List.of(), 2);
        assertThatThrownBy(() -> store.createProfile("key1", anna().with("cy", null, null), List.of(), 2))
                .isInstanceOf(LimitException.class).hasMessageContaining("at most 2 profiles");
    }

    @Test
    void boardsAndPhrasesCanBeChangedAndDeleted() throws Exception {
        store.createProfile("key1", anna(), List.of(), 5);
        Board b = store.createBoard("anna", quick(), 2);
        assertThat(b.position()).isZero();
        Phrase water = store.addPhrase("anna", b.id(), new Phrase(null, "Water", "I am thirsty.", null), 3)
                .orElseThrow();
        assertThatThrownBy(() -> store.addPhrase("anna", b.id(), new Phrase(null, "More", null, null), 3))
                .isInstanceOf(LimitException.class).hasMessageContaining("at most 3 phrases");
        assertThat(store.replacePhrase("anna", b.id(), water.id(), new Phrase(null, "Drink", "A drink, please.",
                null))).isPresent();
        assertThat(store.board("anna", b.id()).orElseThrow().phrases()).extracting(Phrase::label)
                .containsExactly("Yes", "Help", "Drink");
        assertThat(store.deletePhrase("anna", b.id(), water.id())).isTrue();
        assertThat(store.deletePhrase("anna", "another-board", water.id())).isFalse();

        Board renamed = store.replaceBoard("anna", b.id(), new Board(null, "Needs", "en", 3,
                List.of(new Phrase(null, "No", null, null)))).orElseThrow();
        assertThat(renamed.position()).isEqualTo(3);
        assertThat(store.board("anna", b.id()).orElseThrow().phrases()).extracting(Phrase::label)
                .containsExactly("No");
        assertThat(store.createBoard("anna", quick(), 2).position()).isEqualTo(4);
        assertThatThrownBy(() -> store.createBoard("anna", quick(), 2)).isInstanceOf(LimitException.class);
        assertThat(store.replaceBoard("anna", "nope", quick())).isEmpty();
        assertThat(store.deleteBoard("anna", b.id())).isTrue();
        assertThat(store.boards("anna")).hasSize(1);
    }

    @Test
    void historyIsNewestFirstKeepsAtMostItsLimitAndIsDeletable() throws Exception {
        store.createProfile("key1", anna(), List.of(), 5);
        for (int i = 0; i < 5; i++) {
            store.addHistory("anna", i % 2 == 0 ? "en" : "zh", "said " + i, 3);
        }
        List<HistoryEntry> all = store.history("anna", null, 0, 10);
        assertThat(all).extracting(HistoryEntry::text).containsExactly("said 4", "said 3", "said 2");
        assertThat(store.history("anna", "zh", 0, 10)).extracting(HistoryEntry::text).containsExactly("said 3");
        assertThat(store.deleteHistoryEntry("anna", all.get(0).id())).isTrue();
        assertThat(store.deleteHistory("anna")).isEqualTo(2);
        assertThat(store.history("anna", null, 0, 10)).isEmpty();
    }

    @Test
    void deletingAProfileDeletesItsBoardsAndHistoryAndComposing() throws Exception {
        store.createProfile("key1", anna(), List.of(quick()), 5);
        store.addHistory("anna", "en", "hello", 10);
        store.setCompose("anna", "I need");
        assertThat(store.compose("anna")).isEqualTo("I need");

        assertThat(store.deleteProfile("anna")).isTrue();

        assertThat(store.profile("anna")).isEmpty();
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT (SELECT COUNT(*) FROM medical_voice_boards) + (SELECT COUNT(*) FROM "
                     + "medical_voice_phrases) + (SELECT COUNT(*) FROM medical_voice_history)")) {
            r.next();
            assertThat(r.getInt(1)).isZero();
        }
    }

    @Test
    void migratingAgainChangesNothing() throws Exception {
        store.createProfile("key1", anna(), List.of(), 5);
        VoiceStore again = new VoiceStore(dataSource, Clock.systemUTC());
        assertThat(again.profile("anna")).isPresent();
    }
}
