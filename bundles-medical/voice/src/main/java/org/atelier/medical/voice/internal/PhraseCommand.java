package org.atelier.medical.voice.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.api.action.Completion;
import org.atelier.medical.voice.internal.store.Board;
import org.atelier.medical.voice.internal.store.Phrase;

/**
 * {@code atelier:phrase [--out FILE.wav] PROFILE BOARD PHRASE}: a person picks a phrase from a board (by number or
 * name, as {@code atelier:boards PROFILE} shows them) and hears it in their voice ({@code atelier:say --profile}).
 */
@Command(scope = "atelier", name = "phrase", description = "Speaks a phrase from a profile's board")
@Service
public class PhraseCommand implements Action {

    @Reference
    VoiceProfiles profiles;

    @Reference
    Session session;

    @Option(name = "--out", description = "write a WAV file instead of playing")
    @Completion(FileCompleter.class)
    String out;

    @Argument(index = 0, name = "profile", description = "a profile id (id@key where several keys have "
            + "that id)", required = true)
    String profile;

    @Argument(index = 1, name = "board", description = "the board's number or name", required = true)
    String board;

    @Argument(index = 2, name = "phrase", description = "the phrase's number or label", required = true)
    String phrase;

    @Override
    public Object execute() throws Exception {
        List<Board> boards = profiles.boards(Caller.SHELL, profile);
        Board b = pick(boards, board, Board::name, "board", "the boards are numbered 1 to " + boards.size());
        Phrase p = pick(b.phrases(), phrase, Phrase::label, "phrase", "the phrases of " + b.name()
                + " are numbered 1 to " + b.phrases().size());
        session.put("atelierPhrase", p.spoken());
        try {
            return session.execute("atelier:say --profile " + profile + " --language " + b.locale()
                    + (out == null ? "" : " --out '" + out.replace("'", "") + "'") + " $atelierPhrase");
        } finally {
            session.put("atelierPhrase", null);
        }
    }

    private static <T> T pick(List<T> items, String key, java.util.function.Function<T, String> name, String what,
                              String hint) {
        if (key.matches("\\d{1,4}")) {
            int n = Integer.parseInt(key);
            if (n < 1 || n > items.size()) {
                throw new IllegalArgumentException(what + ": there is no " + what + " " + n + "; " + hint);
            }
            return items.get(n - 1);
        }
        return items.stream().filter(i -> name.apply(i).equalsIgnoreCase(key.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(what + ": there is no " + what + " '" + key + "'; "
                        + hint));
    }
}
