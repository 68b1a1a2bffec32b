package org.atelier.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Parser;
import org.apache.karaf.shell.api.console.Session;
import org.junit.jupiter.api.Test;

class HelpCommandTest {

    private static Command command(String scope, String name, String description) {
        return new Command() {
            @Override public String getScope() { return scope; }
            @Override public String getName() { return name; }
            @Override public String getDescription() { return description; }
            @Override public Completer getCompleter(boolean scoped) { return null; }
            @Override public Parser getParser() { return null; }
            @Override public Object execute(Session session, List<Object> arguments) { return null; }
        };
    }

    @Test
    void listsEveryAtelierCommandWithItsLineSortedAndNothingElse() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HelpCommand.print(List.of(
                command("atelier", "run", "Runs a generator and writes the artifacts it makes"),
                command("feature", "install", "Installs a feature"),
                command("atelier", "design", "Generative design: topology optimisation of a preset problem"),
                command("atelier", "list", null)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("atelier:design").contains("Generative design: topology optimisation")
                .contains("atelier:run").contains("Runs a generator").contains("atelier:list")
                .doesNotContain("feature:install").doesNotContain("\u001b[");
        assertThat(out.indexOf("atelier:design")).isLessThan(out.indexOf("atelier:list"));
        assertThat(out.indexOf("atelier:list")).isLessThan(out.indexOf("atelier:run"));
        assertThat(out.lines().filter(l -> l.startsWith("atelier:"))).hasSize(3);
    }
}
