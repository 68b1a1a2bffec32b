package org.atelier.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atelier.runtime.GeneratorInfo;
import org.atelier.runtime.GeneratorRegistry;

/** {@code atelier:list}: the generators present, by vertical. */
@Command(scope = "atelier", name = "list", description = "Lists the generators of every vertical")
@Service
public class ListCommand implements Action {

    @Reference
    GeneratorRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Vertical");
        table.column("Generator");
        table.column("State");
        table.column("Title");
        for (GeneratorInfo g : registry.list()) {
            table.addRow().addContent(g.vertical(), g.id(), g.state(), g.title());
        }
        table.print(System.out);
        return null;
    }
}
