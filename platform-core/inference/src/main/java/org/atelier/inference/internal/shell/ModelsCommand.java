package org.atelier.inference.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atelier.api.ModelDescriptor;
import org.atelier.api.ModelInfo;
import org.atelier.api.ModelRegistry;

/** {@code atelier:models}: every model, its state, memory and source, and why a broken one cannot be used. */
@Command(scope = "atelier", name = "models", description = "Lists the models, their state and memory")
@Service
public class ModelsCommand implements Action {

    @Reference
    ModelRegistry models;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Model", "State", "Dims", "Pooling", "Languages", "Weights MB", "Loaded MB",
            "Users", "Source", "Error"}) {
            table.column(c);
        }
        for (ModelInfo m : models.list()) {
            ModelDescriptor d = m.descriptor();
            table.addRow().addContent(m.id(), m.state(), d == null ? "-" : d.dimensions(),
                    d == null ? "-" : d.pooling(), d == null ? "-" : String.join(",", d.languages()),
                    mb(m.weightsBytes()), mb(m.loadedBytes()), m.users(), m.source() == null ? "-" : m.source(),
                    m.error() == null ? "" : m.error());
        }
        table.print(System.out);
        return null;
    }

    static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
