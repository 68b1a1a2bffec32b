package org.atelier.speech.marytts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** IPA to MaryTTS's US English phones, without MaryTTS. */
class MaryPhonesTest {

    static String ph(String ipa) {
        MaryPhones.Mapped m = MaryPhones.map(ipa);
        assertThat(m.unknown()).as(ipa).isEmpty();
        return m.ph();
    }

    @Test
    void wordsBecomeStressedSyllablesOfMaryPhones() {
        assertThat(ph("təˈmɑːtoʊ")).isEqualTo("t @ - ' m A - t @U");
        assertThat(ph("təˈmeɪtoʊ")).isEqualTo("t @ - ' m EI - t @U");
        assertThat(ph("ˈbʌtəˌflaɪ")).isEqualTo("' b V - t @ - , f l AI");
        assertThat(ph("ˈtʃɜːtʃ")).isEqualTo("' tS r= tS");
        assertThat(ph("d͡ʒʌdʒ")).as("with a tie bar").isEqualTo("dZ V dZ");
        assertThat(ph("ˈmɛʒɚ")).isEqualTo("' m E - Z r=");
        assertThat(ph("ˈbʌʔn̩")).as("glottal stop and syllabic n").isEqualTo("' b V - t @ n");
    }

    @Test
    void britishAndAmericanSpellingsOfOneSoundMeetInOnePhone() {
        assertThat(ph("ɹ")).isEqualTo(ph("r"));
        assertThat(ph("ɡ")).isEqualTo(ph("g"));
        assertThat(ph("əʊ")).isEqualTo(ph("oʊ")).isEqualTo("@U");
        assertThat(ph("ɒ")).isEqualTo(ph("ɑː")).isEqualTo("A");
        assertThat(ph("ɪə")).isEqualTo(ph("ɪɹ")).isEqualTo("I r");
        assertThat(ph("ɜːɹ")).as("the r is in the vowel").isEqualTo(ph("ɝ")).isEqualTo("r=");
        assertThat(ph("ˈwɔːtə")).isEqualTo("' w O - t @");
        assertThat(ph("ɛm ɑɹ aɪ")).isEqualTo("E m - A r - AI");
        assertThat(ph("ʃˈɪp θɪŋ ðɪs jɛs hɛˈloʊ")).isEqualTo("' S I p - T I N - D I s - j E s - h E - ' l @U");
        assertThat(ph("təmˈeɪɾoʊ")).as("espeak's way: stress before the vowel").isEqualTo("t @ - ' m EI - t @U");
        assertThat(ph("ɪkˈstɹiːm")).isEqualTo("I k - ' s t r i m");
        assertThat(ph("ˈɛkstɹə")).isEqualTo("' E k - s t r @");
    }

    @Test
    void whatIsNotEnglishIsReportedNotGuessed() {
        MaryPhones.Mapped m = MaryPhones.map("ʀyːʃøn ɬa");
        assertThat(m.unknown()).containsExactly("ʀ", "y", "ø", "ɬ");
        assertThat(MaryPhones.map("bõ").unknown()).containsExactly("õ");
        assertThat(MaryPhones.map("ma˥").unknown()).containsExactly("˥");
    }
}
