package org.atelier.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.atelier.api.InvalidInputException;
import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.GeneratorInfo;
import org.atelier.runtime.GeneratorRegistry;
import org.atelier.runtime.Job;
import org.atelier.runtime.JobService;
import org.atelier.runtime.JobState;
import org.atelier.runtime.StoredArtifact;

/** {@code atelier:run (--input JSON | --file FILE) [--out DIR] ID}: runs a generator and writes its artifacts. */
@Command(scope = "atelier", name = "run", description = "Runs a generator and writes the artifacts it makes")
@Service
public class RunCommand implements Action {

    @Reference
    GeneratorRegistry registry;

    @Reference
    JobService jobs;

    @Argument(index = 0, name = "generator", description = "vertical/id, e.g. medical/voice", required = true,
            multiValued = true)
    @Completion(GeneratorCompleter.class)
    List<String> generator;

    @Option(name = "--input", aliases = "-i", description = "the input as JSON text")
    String input;

    @Option(name = "--file", aliases = "-f", description = "a file holding the input JSON")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--out", aliases = "-o", description = "directory for the artifacts "
            + "(default: ${karaf.data}/atelier/output/JOB)")
    @Completion(FileCompleter.class)
    String out;

    @Override
    public Object execute() throws IOException {
        if (generator.size() > 1) {
            // Karaf reads options only before the first argument
            throw new IllegalArgumentException("options go before the generator: atelier:run --input JSON "
                    + "[--out DIR] " + generator.get(0));
        }
        GeneratorId id = GeneratorId.parse(generator.get(0));
        if ((input == null) == (file == null)) {
            throw new IllegalArgumentException("give the input either as --input JSON or as --file FILE");
        }
        GeneratorInfo info = registry.describe(id.vertical(), id.id());
        byte[] json;
        if (file != null) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
            if (Files.size(path) > info.maxInputBytes()) {
                throw new IllegalArgumentException(file + " is larger than the limit of " + info.maxInputBytes() + " bytes");
            }
            json = Files.readAllBytes(path);
        } else {
            json = input.getBytes(StandardCharsets.UTF_8);
        }
        Job job;
        try {
            job = registry.invoke(id.vertical(), id.id(), json);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("invalid input:" + System.lineSeparator() + e.errors().stream()
                    .map(f -> "  " + (f.field().isEmpty() ? "(body)" : f.field()) + ": " + f.message())
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        if (!job.state().finished()) {
            job = follow(job);
        }
        System.out.println("job " + job.id() + " " + job.state() + (job.message() == null ? "" : ": " + job.message()));
        if (job.result() != null) {
            System.out.println(job.result().toPrettyString());
        }
        if (!job.artifacts().isEmpty()) {
            Path dir = out != null ? Path.of(out) : defaultOut(job.id());
            Files.createDirectories(dir);
            for (ArtifactInfo a : job.artifacts()) {
                StoredArtifact stored = registry.artifact(a.id())
                        .orElseThrow(() -> new IllegalStateException("artifact " + a.id() + " is gone"));
                Path target = dir.resolve(a.name());
                try (InputStream in = stored.open()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                System.out.println(target.toAbsolutePath() + "  (" + a.mediaType() + ", " + a.bytes() + " bytes)");
            }
        }
        if (job.state() == JobState.FAILED) {
            throw new IllegalStateException("the job failed: " + job.message());
        }
        return null;
    }

    /** Shows a progress bar until the job ends; Ctrl-C leaves the job running. */
    private Job follow(Job job) {
        java.util.concurrent.BlockingQueue<Job> changes = new java.util.concurrent.LinkedBlockingQueue<>();
        Job last = job;
        try (AutoCloseable subscription = jobs.subscribe(job.id(), changes::add)) {
            while (!last.state().finished()) {
                Job next = changes.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (next != null) {
                    last = next;
                    int width = 30;
                    int done = (int) Math.round(last.progress() * width);
                    System.out.print("\r[" + "#".repeat(done) + " ".repeat(width - done) + "] "
                            + String.format(java.util.Locale.ROOT, "%3.0f%% ", last.progress() * 100)
                            + (last.message() == null ? "" : last.message()) + "   ");
                    System.out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.out.println();
            System.out.println("job " + job.id() + " runs on: atelier:job " + job.id());
            return jobs.find(job.id()).orElse(last);
        } catch (Exception e) {
            throw new IllegalStateException("following job " + job.id() + " failed: " + e.getMessage());
        }
        System.out.println();
        return last;
    }

    private Path defaultOut(String jobId) {
        String data = System.getProperty("karaf.data");
        return Path.of(data == null ? "." : data, "atelier", "output", jobId);
    }
}
