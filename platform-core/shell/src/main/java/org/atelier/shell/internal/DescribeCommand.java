package org.atelier.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atelier.runtime.GeneratorInfo;
import org.atelier.runtime.GeneratorRegistry;

/** {@code atelier:describe ID}: a generator's descriptor and input schema. */
@Command(scope = "atelier", name = "describe", description = "Describes a generator and the input it takes")
@Service
public class DescribeCommand implements Action {

    @Reference
    GeneratorRegistry registry;

    @Argument(index = 0, name = "generator", description = "vertical/id, e.g. medical/voice", required = true)
    @Completion(GeneratorCompleter.class)
    String generator;

    @Override
    public Object execute() {
        GeneratorId id = GeneratorId.parse(generator);
        GeneratorInfo g = registry.describe(id.vertical(), id.id());
        System.out.println(g.qualifiedId() + "  " + g.title() + "  [" + g.state() + "]");
        if (!g.description().isBlank()) {
            System.out.println(g.description());
        }
        System.out.println("bundle:        " + g.bundle());
        System.out.println("outputs:       " + (g.outputMediaTypes().isEmpty() ? "-" : String.join(", ", g.outputMediaTypes())));
        System.out.println("long-running:  " + g.longRunning());
        System.out.println("limits:        " + g.maxConcurrent() + " at once, input up to " + g.maxInputBytes() + " bytes");
        System.out.println("input schema:");
        System.out.println(g.inputSchema().toPrettyString());
        return null;
    }
}
