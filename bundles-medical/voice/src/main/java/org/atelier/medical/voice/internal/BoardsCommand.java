package org.atelier.medical.voice.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atelier.medical.voice.internal.store.Board;
import org.atelier.medical.voice.internal.store.Phrase;
import org.atelier.medical.voice.internal.store.Profile;
import org.atelier.medical.voice.internal.store.VoiceStore;

/** {@code atelier:boards [PROFILE]}: the profiles, or one profile's phrase boards with their phrases, numbered. */
@Command(scope = "atelier", name = "boards", description = "Lists profiles, or a profile's phrase boards and phrases")
@Service
public class BoardsCommand implements Action {

    @Reference
    VoiceProfiles profiles;

    @Argument(index = 0, name = "profile", description = "a profile id (id@key where several keys "
            + "have that id; ids are unique per key); none to list the profiles with their keys")
    String profile;

    @Override
    public Object execute() {
        if (profile == null) {
            List<VoiceStore.Owned> all = profiles.owned(Caller.SHELL);
            if (all.isEmpty()) {
                System.out.println("no profiles yet: make one with POST /api/v1/medical/voice/profiles");
            }
            for (VoiceStore.Owned o : all) {
                Profile p = o.profile();
                System.out.printf("%-20s %-18s %-24s %s%s%n", p.id(), o.owner().isEmpty() ? "(shell)" : o.owner(),
                        p.name(), String.join(",", p.languages()), p.voice() == null ? "" : "  " + p.voice());
            }
            return null;
        }
        List<Board> boards = profiles.boards(Caller.SHELL, profile);
        for (int b = 0; b < boards.size(); b++) {
            Board board = boards.get(b);
            System.out.printf("%d %s (%s)%n", b + 1, board.name(), board.locale());
            List<Phrase> phrases = board.phrases();
            for (int i = 0; i < phrases.size(); i++) {
                Phrase p = phrases.get(i);
                System.out.printf("   %2d %-24s %s%n", i + 1, p.label(), p.vocalization() == null ? ""
                        : "“" + p.vocalization() + "”");
            }
        }
        return null;
    }
}
