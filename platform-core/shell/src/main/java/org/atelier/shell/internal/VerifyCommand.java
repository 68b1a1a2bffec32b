package org.atelier.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.atelier.api.labels.AigcLabel;
import org.atelier.runtime.LabelReader;

/** {@code atelier:verify FILE}: the AIGC label a file carries, field by field. */
@Command(scope = "atelier", name = "verify", description = "Reads the AIGC label (GB 45438-2025) a file carries")
@Service
public class VerifyCommand implements Action {

    static final long MAX_BYTES = 512L << 20;

    @Reference
    LabelReader reader;

    @Argument(index = 0, name = "file", description = "a PNG, JPEG, WAV, MIDI, PDF, MP4, STL, SVG, JSON, Markdown or text file", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws IOException {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        if (Files.size(path) > MAX_BYTES) {
            throw new IllegalArgumentException(file + " is larger than " + (MAX_BYTES >> 20) + " MB");
        }
        Optional<AigcLabel> label;
        try {
            label = reader.read(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage());
        }
        AigcLabel l = label.orElseThrow(() -> new IllegalStateException(file + " carries no AIGC label"));
        System.out.println(file + ": AIGC label found");
        l.fields().forEach((k, v) -> System.out.printf("  %-18s %s%n", k, v));
        return null;
    }
}
