package org.atelier.medical.voice.internal.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atelier.api.InvalidInputException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Open Board Format ({@code .obf}, <a href="https://www.openboardformat.org/docs">openboardformat.org</a>), the JSON
 * that AAC apps such as Cboard and CoughDrop exchange boards in. A board's buttons become phrases: the label, the
 * vocalization and the background colour are kept, in the grid's reading order. What a phrase board here has no
 * place for — images, sounds, links to other boards — is left out on import and counted in {@link Imported#skipped}.
 */
public final class Obf {

    public static final String FORMAT = "open-board-0.1";

    private Obf() {
    }

    /**
     * A board read from {@code .obf}.
     *
     * @param board the board, not yet stored
     * @param skipped what was left out, such as "2 links to other boards"
     */
    public record Imported(Board board, List<String> skipped) {
    }

    /**
     * @throws InvalidInputException naming the field ({@code format}, {@code name}, {@code buttons[3].label}, …)
     */
    public static Imported read(JsonNode obf, int maxPhrases) {
        if (obf == null || !obf.isObject()) {
            throw new InvalidInputException("", "an .obf board is a JSON object");
        }
        String format = obf.path("format").asText("");
        if (!format.startsWith("open-board-")) {
            throw new InvalidInputException("format", "must be an Open Board Format version such as " + FORMAT
                    + ", not '" + format + "'");
        }
        JsonNode buttons = obf.path("buttons");
        if (!buttons.isArray()) {
            throw new InvalidInputException("buttons", "is missing: an .obf board has a list of buttons");
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < buttons.size(); i++) {
            JsonNode b = buttons.get(i);
            String id = b.path("id").asText(Integer.toString(i));
            byId.putIfAbsent(id, b);
            index.putIfAbsent(id, i);
        }
        List<String> order = new ArrayList<>();
        JsonNode grid = obf.path("grid").path("order");
        if (grid.isArray()) {
            for (JsonNode row : grid) {
                for (JsonNode cell : row) {
                    if (!cell.isNull() && byId.containsKey(cell.asText()) && !order.contains(cell.asText())) {
                        order.add(cell.asText());
                    }
                }
            }
        }
        for (String id : byId.keySet()) {
            if (!order.contains(id)) {
                order.add(id);
            }
        }
        List<Phrase> phrases = new ArrayList<>();
        int links = 0;
        int media = 0;
        for (String id : order) {
            JsonNode b = byId.get(id);
            if (b.has("image_id") || b.has("sound_id")) {
                media++;
            }
            String label = text(b, "label");
            String vocalization = text(b, "vocalization");
            if (b.has("load_board") && vocalization == null) {
                links++;
                continue;
            }
            if (label == null) {
                label = vocalization;
            }
            if (label == null) {
                throw new InvalidInputException("buttons[" + index.get(id) + "].label",
                        "a button needs a label or a vocalization");
            }
            if (label.length() > 200) {
                label = label.substring(0, 200);
            }
            phrases.add(new Phrase(null, label, vocalization, text(b, "background_color")));
        }
        String name = text(obf, "name");
        Board board;
        try {
            board = new Board(null, name == null ? "Imported board" : name, text(obf, "locale"), null, phrases)
                    .normalised(maxPhrases);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.errors().stream().map(f -> new InvalidInputException.FieldError(
                    f.field().replaceFirst("^phrases\\[", "buttons["), f.message())).toList());
        }
        List<String> skipped = new ArrayList<>();
        if (links > 0) {
            skipped.add(links + " link" + (links == 1 ? "" : "s") + " to other boards");
        }
        if (media > 0) {
            skipped.add(media + " image" + (media == 1 ? "" : "s") + " or sounds");
        }
        return new Imported(board, skipped);
    }

    /** @return the board as {@code .obf} JSON (a map for Jackson), its phrases in a grid of up to 4 columns */
    public static Map<String, Object> write(Board board) {
        Map<String, Object> obf = new LinkedHashMap<>();
        obf.put("format", FORMAT);
        obf.put("id", board.id());
        obf.put("locale", board.locale());
        obf.put("name", board.name());
        List<Map<String, Object>> buttons = new ArrayList<>();
        for (Phrase p : board.phrases()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("id", p.id());
            b.put("label", p.label());
            if (p.vocalization() != null) {
                b.put("vocalization", p.vocalization());
            }
            if (p.color() != null) {
                b.put("background_color", p.color());
            }
            buttons.add(b);
        }
        obf.put("buttons", buttons);
        int n = buttons.size();
        int columns = Math.max(1, Math.min(4, n));
        int rows = Math.max(1, (n + columns - 1) / columns);
        List<List<String>> order = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                int i = r * columns + c;
                row.add(i < n ? board.phrases().get(i).id() : null);
            }
            order.add(row);
        }
        obf.put("grid", Map.of("rows", rows, "columns", columns, "order", order));
        obf.put("images", List.of());
        obf.put("sounds", List.of());
        return obf;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
