package org.atelier.shell.internal;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code atelier:help}: every {@code atelier:*} command present now, a line each. The verticals' commands come and go
 * with their bundles, so the list is read from the session's registry at each call.
 */
@Command(scope = "atelier", name = "help", description = "Lists every atelier:* command with a line each")
@Service
public class HelpCommand implements Action {

    static final String SCOPE = "atelier";

    @Reference
    Session session;

    @Override
    public Object execute() {
        print(session.getRegistry().getCommands(), System.out);
        return null;
    }

    static void print(List<org.apache.karaf.shell.api.console.Command> commands, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Command");
        table.column("What it does");
        commands.stream()
                .filter(c -> SCOPE.equals(c.getScope()))
                .sorted(Comparator.comparing(org.apache.karaf.shell.api.console.Command::getName))
                .forEach(c -> table.addRow().addContent(SCOPE + ":" + c.getName(),
                        c.getDescription() == null ? "" : c.getDescription()));
        table.print(out);
        out.println();
        out.println("A command's options and arguments: COMMAND --help (e.g. atelier:run --help).");
    }
}
