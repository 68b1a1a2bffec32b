package org.atelier.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
import org.atelier.runtime.JobFinishedException;
import org.atelier.runtime.JobService;
import org.atelier.runtime.JobState;
import org.atelier.runtime.StoredArtifact;

/**
 * {@code atelier:run (--input JSON | --file FILE) [--out DIR] [--full] [--keep-running] ID}: runs a generator, shows
 * a job's progress, prints a summary of the result (the whole JSON with {@code --full}) and writes the artifacts.
 * Ctrl-C cancels the job (with {@code --keep-running} it leaves it running) and gives the prompt back at once; a
 * cancelled job that stops within {@value #STOP_GRACE_MS} ms has what it kept written as usual, marked partial.
 */
@Command(scope = "atelier", name = "run", description = "Runs a generator and writes the artifacts it makes")
@Service
public class RunCommand implements Action {

    /** How long Ctrl-C waits for a cancelled job to stop, so that what it kept is written; a second Ctrl-C skips. */
    static final long STOP_GRACE_MS = 2000;

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

    @Option(name = "--full", description = "print the whole result as JSON (long lists such as a history too)")
    boolean full;

    @Option(name = "--keep-running", description = "Ctrl-C leaves the job running instead of cancelling it")
    boolean keepRunning;

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
        PrintStream console = System.out;
        if (!job.state().finished()) {
            // left running (--keep-running), or cancelled and still stopping
            console.println("job " + job.id() + " " + job.state() + ": follow it with atelier:job " + job.id()
                    + "; atelier:job --out DIR " + job.id() + " writes its artifacts once it has ended");
            return null;
        }
        boolean saysMore = job.message() != null && !job.message().equalsIgnoreCase(job.state().toString());
        console.println("job " + job.id() + " " + job.state() + (saysMore ? ": " + job.message() : ""));
        if (full) {
            if (job.result() != null) {
                console.println(job.result().toPrettyString());
            }
        } else {
            ResultText.print(job.result(), console, "--full");
        }
        if (!job.artifacts().isEmpty()) {
            write(registry, job, out != null ? Path.of(out) : defaultOut(job.id()), console);
        }
        if (job.state() == JobState.FAILED) {
            throw new IllegalStateException("the job failed: " + job.message());
        }
        return null;
    }

    /** Writes a job's artifacts into a directory, a line each; a partial one (of a cancelled job) says so. */
    static void write(GeneratorRegistry registry, Job job, Path dir, PrintStream console) throws IOException {
        Files.createDirectories(dir);
        for (ArtifactInfo a : job.artifacts()) {
            StoredArtifact stored = registry.artifact(a.id())
                    .orElseThrow(() -> new IllegalStateException("artifact " + a.id() + " is gone"));
            Path target = dir.resolve(a.name());
            try (InputStream in = stored.open()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            console.println(target.toAbsolutePath() + "  (" + a.mediaType() + ", " + a.bytes() + " bytes"
                    + (a.partial() ? ", partial" : "") + ")");
        }
    }

    /**
     * Shows a progress bar until the job ends. Ctrl-C (the shell interrupts this thread) cancels the job and waits
     * a moment for it to stop, or with {@code --keep-running} leaves it running; either way the command returns at
     * once. The interrupt is handled here and the thread's flag is left clear on purpose: the shell's output is an
     * interruptible channel, which an interrupted thread's next write closes for good, leaving a shell that prints
     * nothing more (the "frozen" shell of issue 12 item 11).
     */
    private Job follow(Job job) {
        BlockingQueue<Job> changes = new LinkedBlockingQueue<>();
        Job last = job;
        try (AutoCloseable subscription = jobs.subscribe(job.id(), changes::add)) {
            try {
                while (!last.state().finished()) {
                    Job next = changes.poll(1, TimeUnit.SECONDS);
                    if (next != null) {
                        last = next;
                        bar(last);
                    }
                }
            } catch (InterruptedException e) {
                System.out.println();
                if (keepRunning) {
                    System.out.println("Ctrl-C: job " + job.id() + " runs on");
                    return jobs.find(job.id()).orElse(last);
                }
                last = cancel(job.id(), last);
                System.out.println("Ctrl-C: job " + job.id() + " cancelled; it keeps what it had");
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MS);
                try {
                    for (long left = until - System.nanoTime(); !last.state().finished() && left > 0;
                            left = until - System.nanoTime()) {
                        Job next = changes.poll(left, TimeUnit.NANOSECONDS);
                        if (next != null) {
                            last = next;
                        }
                    }
                } catch (InterruptedException again) {
                    // a second Ctrl-C: stop waiting
                }
                return last.state().finished() ? last : jobs.find(job.id()).orElse(last);
            }
        } catch (Exception e) {
            throw new IllegalStateException("following job " + job.id() + " failed: " + e.getMessage());
        }
        System.out.println();
        return last;
    }

    private Job cancel(String id, Job last) {
        try {
            return jobs.cancel(id);
        } catch (JobFinishedException e) {
            return jobs.find(id).orElse(last);
        }
    }

    private static void bar(Job job) {
        int width = 30;
        int done = (int) Math.round(job.progress() * width);
        System.out.print("\r[" + "#".repeat(done) + " ".repeat(width - done) + "] "
                + String.format(java.util.Locale.ROOT, "%3.0f%% ", job.progress() * 100)
                + (job.message() == null ? "" : job.message()) + "   ");
        System.out.flush();
    }

    private Path defaultOut(String jobId) {
        String data = System.getProperty("karaf.data");
        return Path.of(data == null ? "." : data, "atelier", "output", jobId);
    }
}
