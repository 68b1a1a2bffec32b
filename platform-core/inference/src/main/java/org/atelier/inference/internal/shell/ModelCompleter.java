package org.atelier.inference.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.atelier.api.ModelInfo;
import org.atelier.api.ModelRegistry;

/** Completes model ids. */
@Service
public class ModelCompleter implements Completer {

    @Reference
    ModelRegistry models;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (ModelInfo m : models.list()) {
            delegate.getStrings().add(m.id());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
