package io.quire.gateway.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.nbformat.NotebookWriter;
import io.quire.domain.notebook.NotebookContent;
import io.quire.domain.run.RunSettings;
import io.quire.domain.run.RunTrigger;
import io.quire.domain.run.RunFailure;
import io.quire.domain.run.command.CancelRun;
import io.quire.domain.run.command.EndRun;
import io.quire.domain.run.command.RequestRun;
import io.quire.domain.run.event.RunRequested;
import io.quire.gateway.Quire;
import io.quire.gateway.notebook.Notebooks;
import io.quire.kernel.spec.KernelSpec;
import io.quire.projections.runs.RunSummary;
import io.quire.runtime.papermill.ErrorMarkers;
import io.quire.runtime.papermill.PapermillMetadata;
import io.quire.runtime.papermill.ParametersCell;
import io.quire.runtime.papermill.Parameterizer;
import io.quire.runtime.papermill.StrictParameters;
import io.quire.runtime.run.RunHandle;
import io.quire.runtime.run.RunListener;
import io.quire.runtime.run.RunOutput;
import io.quire.runtime.run.RunPlan;
import io.quire.runtime.run.SecretMask;
import org.axonframework.eventhandling.DomainEventMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Parameterized runs, as users ask for them: read and pin the notebook, check and inject the parameters as
 * papermill does, record the request, and hand the run to the runner. Also retries, cancellations and the
 * run history. Blocking: call it from a worker thread.
 */
public final class Runs {

    private final Quire quire;
    private final Notebooks notebooks;
    private final RunInputs inputs;
    private final RunTargets targets;
    private final PapermillMetadata papermill;
    private final Parameterizer parameterizer = new Parameterizer();
    private final NotebookWriter writer = new NotebookWriter();

    public Runs(Quire quire) {
        this.quire = quire;
        this.notebooks = new Notebooks(quire);
        this.inputs = new RunInputs(notebooks, quire.projections().versions(), quire.externalNotebooks());
        this.targets = new RunTargets(quire.outputStore(), quire.externalNotebooks(), notebooks);
        this.papermill = new PapermillMetadata(Quire.version());
    }

    /** A run that has started. {@code warnings} are papermill's (e.g. no cell tagged parameters). */
    public record StartedRun(String runId, String outputLocation, List<String> warnings, RunHandle handle) {
    }

    /**
     * Starts a run; returns once it is recorded and handed to the runner.
     *
     * @throws IllegalArgumentException  when a location or a parameter is malformed
     * @throws CommandRejectedException when the notebook, version or kernel is unknown, or the output taken
     */
    public StartedRun start(RunRequest request, RunListener listener) {
        SourceNotebook source = inputs.read(request.input(), request.workingDirectory());
        return launch(UUID.randomUUID().toString(), source, request, listener);
    }

    /**
     * Runs the same notebook version with the same parameters and settings as run {@code runId} did. Secret
     * values are never stored, so a run that had secrets needs them again.
     */
    public StartedRun retry(String runId, Map<String, JsonNode> secrets, String output, String user,
                            Path workingDirectory, RunListener listener) {
        RunRequested earlier = requestOf(runId);
        List<String> missing = earlier.secretNames().stream().filter(name -> !secrets.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("run " + runId + " had secret parameters " + missing + ", which Quire"
                    + " never stores: give them again with --secret NAME VALUE");
        }
        SourceNotebook source = inputs.reread(earlier.source(), workingDirectory);
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        earlier.parameters().fields().forEachRemaining(field -> parameters.put(field.getKey(), field.getValue()));
        RunRequest request = new RunRequest(earlier.source().describe(), output, parameters, secrets,
                earlier.settings(), false, RunTrigger.RETRY, earlier.scheduleId(), runId, user, workingDirectory);
        return launch(UUID.randomUUID().toString(), source, request, listener);
    }

    /**
     * The parameterized notebook, without running it (papermill's {@code --prepare-only}): stored outputs kept,
     * secrets masked; written once to {@code request.output()} when given.
     *
     * @return the notebook's bytes
     */
    public byte[] prepare(RunRequest request) {
        SourceNotebook source = inputs.read(request.input(), request.workingDirectory());
        KernelSpec kernel = kernelFor(source.content(), request.settings().kernelName());
        Prepared prepared = prepare(source, request, kernel, request.output() == null ? "" : request.output());
        byte[] bytes = writer.write(prepared.kept());
        if (request.output() != null) {
            targets.forRun("prepared", request.output(), source.source().location(), request.user(),
                    request.workingDirectory()).publish(bytes);
        }
        return bytes;
    }

    /** Stops a run: recorded at once; the runner interrupts its cell if the run goes on in this process. */
    public void cancel(String runId, String reason, String user) {
        quire.commands().sendAndWait(new CancelRun(runId, reason, user));
        quire.notebookRunner().going(runId).ifPresent(handle -> handle.cancel(reason, user));
    }

    /**
     * Ends, as failed, the runs an earlier Quire process left unfinished: it stopped or crashed while they went, and
     * nothing will end them otherwise. Only with the embedded store, which one process owns: on a shared database
     * another node may still be running them.
     *
     * @return how many runs were ended
     */
    public int endAbandoned() {
        if (quire.settings().databaseUrl() != null) {
            return 0;
        }
        try {
            quire.awaitProjections(java.time.Duration.ofSeconds(60));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        int ended = 0;
        for (RunSummary run : quire.runProjections().history().unfinished()) {
            if (quire.notebookRunner().going(run.runId()).isEmpty()) {
                quire.commands().sendAndWait(new EndRun(run.runId(), RunFailure.of(RunFailure.Kind.ABANDONED,
                        "Quire stopped while the run was going; a partial output notebook may be beside its output"
                                + " location (.partial)"), null, null));
                ended++;
            }
        }
        return ended;
    }

    public Optional<RunSummary> get(String runId) {
        return quire.runProjections().history().get(runId);
    }

    /** The runs of the notebook at {@code path}, newest first. */
    public List<RunSummary> ofNotebook(String path, int limit) {
        return quire.runProjections().history().ofNotebook(notebooks.idOf(path), limit);
    }

    private StartedRun launch(String runId, SourceNotebook source, RunRequest request, RunListener listener) {
        KernelSpec kernel = kernelFor(source.content(), request.settings().kernelName());
        RunOutput output = targets.forRun(runId, request.output(), source.source().location(), request.user(),
                request.workingDirectory());
        Prepared prepared = prepare(source, request, kernel, output.location());
        RunSettings settings = request.settings();
        Path workingDirectory = settings.workingDirectory() == null ? null
                : request.workingDirectory().resolve(settings.workingDirectory()).normalize();
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        request.parameters().forEach(parameters::set);
        quire.commands().sendAndWait(new RequestRun(runId, source.source(), parameters,
                List.copyOf(request.secrets().keySet()), settings, request.trigger(), request.scheduleId(),
                request.retryOf(), request.user()));
        RunPlan plan = new RunPlan(runId, prepared.executed(), withRunRecord(prepared.kept(), runId, source, kernel,
                request), new SecretMask(request.secrets()),
                kernel, settings, workingDirectory, output, papermill);
        RunHandle handle = quire.notebookRunner().start(plan, listener);
        return new StartedRun(runId, output.location(), prepared.warnings(), handle);
    }

    private record Prepared(NotebookContent executed, NotebookContent kept, List<String> warnings) {
    }

    /** The notebook with its parameters injected twice: in clear for the kernel, secrets masked for keeping. */
    private Prepared prepare(SourceNotebook source, RunRequest request, KernelSpec kernel, String outputLocation) {
        NotebookContent loaded = ErrorMarkers.removed(papermill.loaded(source.content()));
        Map<String, JsonNode> all = new LinkedHashMap<>(request.parameters());
        request.secrets().forEach((name, value) -> {
            if (all.containsKey(name)) {
                throw new IllegalArgumentException("parameter '" + name + "' is given both as a secret and in the"
                        + " clear: give it once");
            }
            all.put(name, value);
        });
        if (request.strict()) {
            StrictParameters.check(ParametersCell.inspect(loaded, kernel.name(), kernel.language()).parameters(), all);
        }
        Map<String, JsonNode> masked = new LinkedHashMap<>(all);
        request.secrets().keySet().forEach(name -> masked.put(name, TextNode.valueOf(SecretMask.MASK)));
        Parameterizer.Options options = Parameterizer.Options.defaults().withKernel(kernel.name(), kernel.language())
                .withReportMode(request.settings().reportMode());
        Parameterizer.Parameterized executed = parameterizer.parameterize(loaded, all, options);
        Parameterizer.Parameterized kept = parameterizer.parameterize(loaded, masked, options);
        NotebookContent prepared = papermill.prepared(kept.notebook(), source.source().describe(), outputLocation);
        return new Prepared(executed.notebook(), prepared, new ArrayList<>(executed.warnings()));
    }

    /**
     * {@code metadata.quire} of an output notebook: which run made it, from exactly what, how, on which kernel, so
     * the notebook says where it came from wherever it is copied.
     */
    private static NotebookContent withRunRecord(NotebookContent kept, String runId, SourceNotebook source,
                                                 KernelSpec kernel, RunRequest request) {
        ObjectNode metadata = kept.metadata().deepCopy();
        ObjectNode record = metadata.putObject("quire");
        record.put("run_id", runId);
        ObjectNode from = record.putObject("source");
        from.put("location", source.source().location());
        if (source.source().notebookId() != null) {
            from.put("notebook_id", source.source().notebookId());
            from.put("version", source.source().version());
        }
        from.put("sha256", source.source().sha256());
        record.put("kernel", kernel.name());
        record.put("trigger", request.trigger().name().toLowerCase());
        record.put("user", request.user());
        request.secrets().keySet().forEach(record.putArray("secret_parameters")::add);
        if (request.retryOf() != null) {
            record.put("retry_of", request.retryOf());
        }
        if (request.scheduleId() != null) {
            record.put("schedule_id", request.scheduleId());
        }
        return new NotebookContent(metadata, kept.cells());
    }

    private KernelSpec kernelFor(NotebookContent notebook, String override) {
        String name = override != null ? override : notebook.metadata().path("kernelspec").path("name").asText(null);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("No kernel name found in notebook and no override provided: give"
                    + " one with -k KERNEL (quire kernels lists them)");
        }
        try {
            return quire.kernelSpecs().find(name).orElseThrow(() -> CommandRejectedException.notFound("no kernel"
                    + " named '" + name + "' is installed: give another with -k (installed: "
                    + String.join(", ", quire.kernelSpecs().findAll().keySet()) + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernelspec " + name + ": " + e.getMessage(), e);
        }
    }

    private RunRequested requestOf(String runId) {
        var events = quire.eventStore().readEvents(runId);
        if (!events.hasNext()) {
            throw CommandRejectedException.notFound("no run " + runId + " (quire runs PATH lists a notebook's runs)");
        }
        DomainEventMessage<?> first = events.next();
        if (!(first.getPayload() instanceof RunRequested requested)) {
            throw CommandRejectedException.notFound(runId + " is not a run");
        }
        return requested;
    }
}
