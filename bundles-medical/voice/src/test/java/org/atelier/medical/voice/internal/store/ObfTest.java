package org.atelier.medical.voice.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.atelier.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ObfTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    @Test
    void buttonsAreReadInTheGridsReadingOrderAndWhatHasNoPlaceIsCounted() throws Exception {
        JsonNode obf = json("{'format':'open-board-0.1','id':'b1','locale':'en','name':'Food',"
                + "'buttons':[{'id':'a','label':'Apple','image_id':'i1'},"
                + "{'id':'b','label':'Bread','vocalization':'I would like bread','background_color':'#ffcc00'},"
                + "{'id':'c','label':'More food','load_board':{'id':'b2'}},"
                + "{'id':'d','label':'Tea'}],"
                + "'grid':{'rows':2,'columns':2,'order':[['d','b'],['a',null]]},"
                + "'images':[{'id':'i1','url':'https://example.org/apple.png'}]}");

        Obf.Imported in = Obf.read(obf, 100);

        assertThat(in.board().name()).isEqualTo("Food");
        assertThat(in.board().locale()).isEqualTo("en");
        assertThat(in.board().phrases()).extracting(Phrase::label).containsExactly("Tea", "Bread", "Apple");
        assertThat(in.board().phrases().get(1).spoken()).isEqualTo("I would like bread");
        assertThat(in.board().phrases().get(1).color()).isEqualTo("#ffcc00");
        assertThat(in.skipped()).containsExactly("1 link to other boards", "1 image or sounds");
    }

    @Test
    void aBoardWrittenAndReadBackIsTheSame() {
        Board b = new Board("id1", "疼痛", "zh", 0, List.of(new Phrase("p1", "这里痛", "这里痛。", "rgb(255,204,204)"),
                new Phrase("p2", "止痛药", null, null), new Phrase("p3", "a", null, null),
                new Phrase("p4", "b", null, null), new Phrase("p5", "c", null, null)));

        Map<String, Object> obf = Obf.write(b);
        Board back = Obf.read(JSON.valueToTree(obf), 100).board();

        assertThat(obf).containsEntry("format", "open-board-0.1");
        @SuppressWarnings("unchecked")
        Map<String, Object> grid = (Map<String, Object>) obf.get("grid");
        assertThat(grid).containsEntry("rows", 2).containsEntry("columns", 4);
        assertThat(back.name()).isEqualTo("疼痛");
        assertThat(back.locale()).isEqualTo("zh");
        assertThat(back.phrases()).extracting(Phrase::label, Phrase::vocalization, Phrase::color)
                .containsExactlyElementsOf(b.phrases().stream().map(p -> org.assertj.core.groups.Tuple.tuple(
                        p.label(), p.vocalization(), p.color())).toList());
    }

    @Test
    void badBoardsNameTheField() throws Exception {
        assertThatThrownBy(() -> Obf.read(json("{'format':'cboard-1','buttons':[]}"), 10))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("format"));
        assertThatThrownBy(() -> Obf.read(json("{'format':'open-board-0.1'}"), 10))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("buttons"));
        assertThatThrownBy(() -> Obf.read(json("{'format':'open-board-0.1','buttons':[{'id':'x'},{'id':'y'}]}"), 10))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("buttons[0].label"));
        assertThatThrownBy(() -> Obf.read(json("{'format':'open-board-0.1','name':'x','buttons':["
                + "{'label':'a'},{'label':'b'},{'label':'c'}]}"), 2))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("at most 2"));
        assertThatThrownBy(() -> Obf.read(json("{'format':'open-board-0.1','name':'x','buttons':["
                + "{'label':'a','background_color':'url(javascript:alert(1))'}]}"), 2))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("buttons[0].color"));
        assertThatThrownBy(() -> Obf.read(json("[1,2]"), 2)).isInstanceOf(InvalidInputException.class);
    }
}
