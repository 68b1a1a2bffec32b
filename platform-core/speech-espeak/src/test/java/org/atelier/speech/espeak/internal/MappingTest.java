package org.atelier.speech.espeak.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parts that need no espeak: tags, parameters, pinyin and the way back from espeak's positions to the text. */
class MappingTest {

    @Test
    void tagsAreWrittenTheBcp47Way() {
        assertThat(EspeakEngine.bcp47("en-gb")).isEqualTo("en-GB");
        assertThat(EspeakEngine.bcp47("en-gb-x-rp")).isEqualTo("en-GB-x-rp");
        assertThat(EspeakEngine.bcp47("fa-latn")).isEqualTo("fa-Latn");
        assertThat(EspeakEngine.bcp47("es-419")).isEqualTo("es-419");
        assertThat(EspeakEngine.bcp47("en-gb-scotland")).isEqualTo("en-GB-scotland");
        assertThat(EspeakEngine.bcp47("cmn")).isEqualTo("cmn");
    }

    @Test
    void parametersMapOneToEspeaksDefaultsAndAreClamped() {
        assertThat(EspeakEngine.espeakRate(1)).isEqualTo(175);
        assertThat(EspeakEngine.espeakRate(2)).isEqualTo(350);
        assertThat(EspeakEngine.espeakRate(0.25)).isEqualTo(80);
        assertThat(EspeakEngine.espeakRate(4)).isEqualTo(450);
        assertThat(EspeakEngine.espeakPitch(1)).isEqualTo(50);
        assertThat(EspeakEngine.espeakPitch(2)).isEqualTo(100);
        assertThat(EspeakEngine.espeakVolume(1)).isEqualTo(100);
        assertThat(EspeakEngine.espeakVolume(0.5)).isEqualTo(50);
        assertThat(EspeakEngine.espeakVolume(2)).isEqualTo(200);
    }

    @Test
    void hanCharactersBecomeNumberedPinyinThatLeadsBackToThem() {
        Mandarin.Converted c = Mandarin.toPinyin("我需要帮助", getClass().getClassLoader());
        assertThat(c.text()).isEqualTo("wo3 xu1 yao4 bang1 zhu4");
        int[] written = "我需要帮助".codePoints().toArray();
        assertThat(EspeakEngine.span(c.origin(), 0, 3)).containsExactly(0, 1);
        assertThat(EspeakEngine.span(c.origin(), 13, 5)).containsExactly(3, 4);
        assertThat(EspeakEngine.span(c.origin(), 19, 4)).containsExactly(4, 5);

        Mandarin.Converted mixed = Mandarin.toPinyin("你好，Anna。", getClass().getClassLoader());
        assertThat(mixed.text()).isEqualTo("ni3 hao3, Anna. ");
        assertThat(mixed.origin()).hasSize(mixed.text().codePointCount(0, mixed.text().length()));
    }

    @Test
    void wordsAreCutFromTheWrittenTextByCodePoints() {
        int[] written = "Grüße aus 𝄞 Köln".codePoints().toArray();
        assertThat(EspeakEngine.text(written, 6, 9, 10)).isEqualTo("aus");
        assertThat(EspeakEngine.text(written, 12, 16, written.length)).isEqualTo("Köln");
    }

    @Test
    void aWordEspeakSwallowsJoinsTheWordBeforeIt() {
        int[] written = "slid on the smooth planks.".codePoints().toArray();
        // espeak says "on the" as one word: its event covers "on" only, the next one starts at "smooth"
        assertThat(EspeakEngine.text(written, 5, 7, 12)).isEqualTo("on the");
        assertThat(EspeakEngine.text(written, 12, 18, 19)).isEqualTo("smooth");
        assertThat(EspeakEngine.text(written, 19, 25, written.length)).isEqualTo("planks");
        int[] french = "je m'appelle Anna".codePoints().toArray();
        assertThat(EspeakEngine.text(french, 3, 4, 5)).isEqualTo("m");
    }

    @Test
    void wordsSaidAsOneShareTheirTimeByLength() {
        assertThat(EspeakEngine.split("on the", 1000, 1500)).containsExactly(
                new org.atelier.api.speech.Timing("on", 1000, 1200), new org.atelier.api.speech.Timing("the", 1200, 1500));
        assertThat(EspeakEngine.split("planks", 10, 20)).containsExactly(new org.atelier.api.speech.Timing("planks", 10, 20));
    }

    @Test
    void polyphonesAreReadAsTheWordMeansThem() {
        ClassLoader l = getClass().getClassLoader();
        assertThat(Mandarin.toPinyin("银行行长", l).text()).isEqualTo("yin2 hang2 hang2 zhang3");
        assertThat(Mandarin.toPinyin("长大", l).text()).isEqualTo("zhang3 da4");
        assertThat(Mandarin.toPinyin("重庆", l).text()).isEqualTo("chong2 qing4");
        assertThat(Mandarin.toPinyin("我觉得要还钱", l).text()).contains("jue2 de5").contains("huan2 qian2");
        assertThat(Mandarin.toPinyin("长江", l).text()).isEqualTo("chang2 jiang1");
        int[] written = "银行行长".codePoints().toArray();
        Mandarin.Converted c = Mandarin.toPinyin("银行行长", l);
        assertThat(c.origin()).hasSize(c.text().length());
        assertThat(c.origin()[c.text().indexOf("zhang3")]).as("zhang3 comes from 长").isEqualTo(3);
        assertThat(written).hasSize(4);
    }

    @Test
    void pinyinALexiconPutInTheTextWinsOverTheDictionary() {
        ClassLoader l = getClass().getClassLoader();
        // the platform's lexicon replaced 长大 by the reading the person wants
        Mandarin.Converted c = Mandarin.toPinyin("孩子chang2 da4了", l);
        assertThat(c.text()).contains("chang2 da4").doesNotContain("zhang3");
        assertThat(Mandarin.isPinyin("hang2 zhang3")).isTrue();
        assertThat(Mandarin.isPinyin("lv4 se4, hao3.")).isTrue();
        assertThat(Mandarin.isPinyin("hang zhang")).isFalse();
        assertThat(Mandarin.isPinyin("Anna")).isFalse();
    }

    @Test
    void ipaBecomesEspeaksEnglishPhonemeNames() {
        assertThat(EspeakPhones.map("təˈmɑːtoʊ").input()).isEqualTo("[[t@'mA:toU]]");
        assertThat(EspeakPhones.map("təˈmeɪtoʊ").input()).isEqualTo("[[t@'meItoU]]");
        assertThat(EspeakPhones.map("ˈbʌɾɚˌflaɪ").phonemes()).isEqualTo("'bVt#3,flaI");
        assertThat(EspeakPhones.map("t͡ʃɜːtʃ dʒʌdʒ").phonemes()).isEqualTo("tS3:tS dZVdZ");
        assertThat(EspeakPhones.map("ˈbʌʔn̩ ˈbɒtl̩").phonemes()).isEqualTo("'bV?n- 'b0t@L");
        assertThat(EspeakPhones.map("ɹ").phonemes()).isEqualTo(EspeakPhones.map("r").phonemes());
        assertThat(EspeakPhones.map("nɜːɹs").phonemes()).as("the r is in the vowel").isEqualTo("n3:s");
        assertThat(EspeakPhones.map("ˈhæp.i").phonemes()).isEqualTo("'hapi:");
        assertThat(EspeakPhones.map("ɛm ɑɹ aɪ").phonemes()).isEqualTo("Em A:r aI");
        assertThat(EspeakPhones.map("ʀyːʃøn").unknown()).containsExactly("ʀ", "y", "ø");
    }
}
