package org.atelier.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.atelier.runtime.GeneratorInfo;
import org.atelier.runtime.GeneratorRegistry;

/** Completes generator ids ({@code vertical/id}) from the generators present now. */
@Service
public class GeneratorCompleter implements Completer {

    @Reference
    GeneratorRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (GeneratorInfo g : registry.list()) {
            delegate.getStrings().add(g.qualifiedId());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
