package org.atelier.medical.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.atelier.api.InvalidInputException;
import org.atelier.api.speech.SpeechProfiles;
import org.atelier.api.speech.SpeechRequest;
import org.atelier.medical.voice.internal.store.Board;
import org.atelier.medical.voice.internal.store.HistoryEntry;
import org.atelier.medical.voice.internal.store.Phrase;
import org.atelier.medical.voice.internal.store.Profile;
import org.atelier.medical.voice.internal.store.VoiceStore;
import org.atelier.runtime.internal.VerticalStorageImpl;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

class VoiceProfilesTest {

    static final Caller ANNA = new Caller("key-anna", false);
    static final Caller BO = new Caller("key-bo", false);
    static final Caller ADMIN = new Caller("key-admin", true);

    VoiceProfiles profiles;

    static VoiceConfig config(int maxProfiles) {
        return new VoiceConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return VoiceConfig.class;
            }

            @Override
            public int maxProfilesPerKey() {
                return maxProfiles;
            }

            @Override
            public int maxBoardsPerProfile() {
                return 100;
            }

            @Override
            public int maxPhrasesPerBoard() {
                return 200;
            }

            @Override
            public int maxHistoryPerProfile() {
                return 1000;
            }

            @Override
            public int maxObfBytes() {
                return 100_000;
            }
        };
    }

    static Profile profile(String id, String... languages) {
        return new Profile(id, null, null, null, null, null, List.of(languages), null, null, null, null, null, null);
    }

    @BeforeEach
    void open() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        profiles = new VoiceProfiles(new VoiceStore(new VerticalStorageImpl(h2), Clock.systemUTC()), config(3));
    }

    /** A synthesizer with these voices, for the check of a profile's languages when it is made. */
    static org.atelier.api.speech.SpeechSynthesizer speaking(String... languages) {
        return new org.atelier.api.speech.SpeechSynthesizer() {
            @Override
            public List<org.atelier.api.speech.Voice> voices() {
                return java.util.Arrays.stream(languages).map(l -> new org.atelier.api.speech.Voice("e:" + l, "e", l,
                        org.atelier.api.speech.Voice.Gender.FEMALE, l)).toList();
            }

            @Override
            public org.atelier.api.speech.Speech speak(org.atelier.api.speech.SpeechRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public org.atelier.api.speech.Voice speak(org.atelier.api.speech.SpeechRequest request,
                    java.util.function.Consumer<org.atelier.api.speech.Speech> pieces) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aProfileInALanguageNoEngineSpeaksIsRefusedWhenItIsMade() {
        profiles.setSpeech(speaking("en-US"));
        assertThatThrownBy(() -> profiles.create(ANNA, profile("mei", "zh")))
                .isInstanceOf(org.atelier.api.UnsupportedInputException.class)
                .hasMessageContaining("languages: no speech engine here speaks Chinese ('zh')")
                .hasMessageContaining("apt-get install espeak-ng").hasMessageContaining("languages spoken now: en-US");
        assertThat(profiles.list(ANNA)).isEmpty();
        profiles.create(ANNA, profile("anna", "en"));
        assertThatThrownBy(() -> profiles.replace(ANNA, "anna", profile("anna", "en", "zh-CN")))
                .isInstanceOf(org.atelier.api.UnsupportedInputException.class)
                .hasMessageContaining("Chinese ('zh-cn')");

        profiles.setSpeech(speaking("en-US", "cmn")); // espeak-ng's Mandarin
        assertThat(profiles.create(ANNA, profile("mei", "zh")).languages()).containsExactly("zh");
        assertThat(profiles.replace(ANNA, "anna", profile("anna", "en", "zh-CN")).languages())
                .containsExactly("en", "zh-cn");
    }

    @Test
    void aNewProfileGetsTheDefaultBoardsOfItsLanguages() {
        profiles.create(ANNA, profile("anna", "en", "zh-CN"));

        List<Board> boards = profiles.boards(ANNA, "anna");

        assertThat(boards).extracting(Board::name)
                .containsExactly("Quick needs", "Pain", "Greetings", "日常需要", "疼痛", "问候");
        assertThat(boards.get(0).phrases()).extracting(Phrase::label).startsWith("Yes", "No", "Please");
        assertThat(boards.get(1).phrases().get(0).spoken()).isEqualTo("My pain is zero out of ten. No pain.");
        assertThat(boards.get(3).phrases()).extracting(Phrase::spoken).contains("我需要帮助。");
    }

    @Test
    void aProfileIsItsMakersAndAnAdminsOnly() {
        profiles.create(ANNA, profile("anna", "en"));

        assertThatThrownBy(() -> profiles.get(BO, "anna")).isInstanceOf(NotFoundException.class)
                .hasMessage("no profile 'anna'");
        assertThatThrownBy(() -> profiles.history(BO, "anna", null, 0, 10)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> profiles.delete(BO, "anna")).isInstanceOf(NotFoundException.class);
        assertThat(profiles.list(BO)).isEmpty();
        assertThat(profiles.list(ADMIN)).extracting(Profile::id).containsExactly("anna");
        assertThat(profiles.get(ADMIN, "anna").id()).isEqualTo("anna");
        assertThatThrownBy(() -> profiles.create(ANNA, profile("anna", "en")))
                .isInstanceOf(ClientErrorException.class).hasMessageContaining("you have a profile with id 'anna'");
        assertThatThrownBy(() -> profiles.get(ANNA, "../etc")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void profileIdsAreUniquePerOwnerSoAnotherKeysIdIsNotGivenAway() {
        profiles.create(ANNA, profile("anna", "en"));
        profiles.spoken(ANNA, "anna", SpeechRequest.of("Her zebracorn.", null));
        assertThat(profiles.predict(ANNA, "anna", null, "Her zebr", 5).words()).extracting(w -> w.word())
                .contains("zebracorn");

        Profile bos = profiles.create(BO, new Profile("anna", "Bo's Anna", null, 1.5, null, null, List.of("en"), null,
                null, null, null, null, null));

        assertThat(bos.id()).isEqualTo("anna");
        assertThat(profiles.get(BO, "anna").name()).isEqualTo("Bo's Anna");
        assertThat(profiles.get(ANNA, "anna").name()).isEqualTo("anna");
        assertThat(profiles.history(BO, "anna", null, 0, 10)).as("his history is his own").isEmpty();
        assertThat(profiles.history(ANNA, "anna", null, 0, 10)).extracting(HistoryEntry::text)
                .containsExactly("Her zebracorn.");
        assertThat(profiles.predict(BO, "anna", null, "Her zebr", 5).words()).as("not learnt from her history")
                .extracting(w -> w.word()).doesNotContain("zebracorn");
        profiles.delete(BO, "anna");
        assertThat(profiles.get(ANNA, "anna").name()).isEqualTo("anna");

        // an admin, and the shell, reach the one profile of an id, and name an owner where several have it
        profiles.create(BO, profile("anna", "en"));
        assertThat(profiles.get(ADMIN, "anna@key-bo").id()).isEqualTo("anna");
        assertThat(profiles.get(Caller.SHELL, "anna@key-anna").id()).isEqualTo("anna");
        assertThatThrownBy(() -> profiles.get(ADMIN, "anna")).isInstanceOf(ClientErrorException.class)
                .hasMessage("2 keys have a profile 'anna': name one as anna@key-anna, anna@key-bo");
        assertThatThrownBy(() -> profiles.get(BO, "anna@key-anna")).as("only an admin names an owner")
                .isInstanceOf(NotFoundException.class);
        profiles.create(Caller.SHELL, profile("anna", "en"));
        assertThat(profiles.list(Caller.SHELL)).hasSize(3);
        assertThat(profiles.get(Caller.SHELL, "anna").id()).as("the shell's own first").isEqualTo("anna");
        assertThat(profiles.apply("anna", SpeechRequest.of("Hi", null))).isPresent();
    }

    @Test
    void badProfilesNameTheirField() {
        assertThatThrownBy(() -> profiles.create(ANNA, profile("Anna Smith", "en")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("id"));
        assertThatThrownBy(() -> profiles.create(ANNA, profile("anna", "english please")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("languages"));
        assertThatThrownBy(() -> profiles.create(ANNA, new Profile("anna", null, null, 9.0, null, -1.0, null, null,
                null, null, null, null, null))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                        .containsExactly("rate", "volume"));
        assertThatThrownBy(() -> profiles.replace(ANNA, "nobody", profile("nobody", "en")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theProfileShapesTheSpeechAndWhatTheRequestSetsWins() {
        profiles.create(ANNA, new Profile("anna", "Anna", null, 0.8, 1.2, null, List.of("en"),
                Map.of("Siobhan", "shivawn", "MRI", "em are eye"), true, null, null, null, null));

        SpeechProfiles.Applied a = profiles.apply("anna", new SpeechRequest("Siobhan needs an MRI", false, null,
                null, 1, 1, 1, Map.of("MRI", "scan"))).orElseThrow();

        assertThat(a.request().language()).isEqualTo("en");
        assertThat(a.request().rate()).isEqualTo(0.8);
        assertThat(a.request().pitch()).isEqualTo(1.2);
        assertThat(a.request().lexicon()).containsEntry("Siobhan", "shivawn").containsEntry("MRI", "scan");
        assertThat(a.explicitLabel()).isTrue();
        assertThat(profiles.apply("anna", new SpeechRequest("x", false, "zh", null, 1.5, 1, 1, Map.of()))
                .orElseThrow().request()).extracting(SpeechRequest::language, SpeechRequest::rate)
                .containsExactly("zh", 1.5);
        assertThat(profiles.apply("nobody", SpeechRequest.of("x", "en"))).isEmpty();
    }

    @Test
    void whatIsSaidIsKeptAndTeachesPredictionUnlessThePersonKeepsNoHistory() {
        profiles.create(ANNA, profile("anna", "en"));
        assertThat(profiles.predict(ANNA, "anna", null, "I need ", 3).words().get(0).word())
                .as("before she said anything").isNotEqualTo("suction");
        for (int i = 0; i < 40; i++) {
            profiles.spoken("anna", SpeechRequest.of("I need suction please", null));
        }
        assertThat(profiles.history(ANNA, "anna", "en", 0, 5)).hasSize(5).extracting(HistoryEntry::text)
                .containsOnly("I need suction please");
        assertThat(profiles.predict(ANNA, "anna", null, "I need ", 3).words().get(0).word()).isEqualTo("suction");

        assertThat(profiles.deleteHistory(ANNA, "anna")).isEqualTo(40);
        assertThat(profiles.predict(ANNA, "anna", null, "I need ", 3).words().get(0).word()).isNotEqualTo("suction");

        profiles.create(BO, new Profile("bo", null, null, null, null, null, null, null, null, null, false, null, null));
        profiles.spoken("bo", SpeechRequest.of("private", null));
        assertThat(profiles.history(BO, "bo", null, 0, 5)).isEmpty();
    }

    @Test
    void composingQuietlyJoinsWordsAsTheLanguageWritesThem() {
        assertThat(ProfilesResource.join("", "I need")).isEqualTo("I need");
        assertThat(ProfilesResource.join("I need ", "water")).isEqualTo("I need water");
        assertThat(ProfilesResource.join("我需要", "帮助")).isEqualTo("我需要帮助");
        profiles.create(ANNA, profile("anna", "en"));
        profiles.setCompose(ANNA, "anna", "I need");
        assertThat(profiles.compose(ANNA, "anna")).isEqualTo("I need");
        assertThatThrownBy(() -> profiles.setCompose(ANNA, "anna", "bell\u0007"))
                .isInstanceOf(InvalidInputException.class);
    }
}
