package io.quire.gateway;

import io.quire.domain.blob.OutputBlobs;
import io.quire.domain.blob.jdbc.JdbcBlobStore;
import io.quire.domain.notebook.Notebook;
import io.quire.domain.run.Run;
import io.quire.domain.schedule.Schedule;
import io.quire.domain.serialization.QuireJson;
import io.quire.domain.store.CommandTargets;
import io.quire.domain.store.DatabaseKind;
import io.quire.domain.store.EventDatabase;
import io.quire.domain.store.GroupCommitCommandBus;
import io.quire.domain.store.RecentAggregates;
import io.quire.gateway.schedules.NotebookSchedules;
import io.quire.gateway.schedules.Scheduling;
import io.quire.gateway.users.Users;
import io.quire.kernel.spec.KernelSpecFinder;
import io.quire.projections.notebook.InlinedOutputs;
import io.quire.projections.notebook.NotebookProjections;
import io.quire.projections.runs.RunProjections;
import io.quire.projections.schedules.ScheduleProjections;
import io.quire.projections.versions.NotebookHistory;
import io.quire.runtime.execution.CellRunner;
import io.quire.runtime.kernel.ForkingKernelLauncher;
import io.quire.runtime.kernel.KernelLauncher;
import io.quire.runtime.kernel.KernelPool;
import io.quire.runtime.kernel.LocalKernelLauncher;
import io.quire.runtime.output.OutputStore;
import io.quire.runtime.output.file.FileOutputStore;
import io.quire.runtime.output.location.ExternalNotebooks;
import io.quire.runtime.output.s3.S3Clients;
import io.quire.runtime.output.s3.S3OutputStore;
import io.quire.runtime.run.FreshKernels;
import io.quire.runtime.run.NotebookRunner;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * One running Quire node: the event store, the aggregates behind the command gateway, and the projections.
 * This is the composition root: the one place that knows how the modules fit together.
 */
public final class Quire implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Quire.class);

    /** Aggregates kept in memory: a few hundred notebooks being edited, at ~1-10 MB each at worst. */
    private static final int CACHED_AGGREGATES = 256;
    /** Recent events the event store keeps in memory for its processors: see {@link #eventStore}. */
    private static final int CACHED_EVENTS = 1_000;
    /** How often the event store looks for events appended by other nodes: see {@link #eventStore}. */
    private static final Duration FETCH_DELAY = Duration.ofMillis(200);
    /** A taken kernel's replacement starts this much later, not while the work it was taken for begins. */
    private static final Duration POOL_REFILL_DELAY = Duration.ofMillis(500);
    /** How often a running run's partial output notebook is saved. */
    private static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(10);

    // The store and Axon
    private final QuireSettings settings;
    private final EventDatabase database;
    private final Configuration axon;
    private final EventStorageEngine storageEngine;
    private final Serializer serializer;
    private final ExecutorService snapshots;
    private final ExecutorService commits;
    private final EventReaderThreads eventReaders;
    /** False until a read needs the read models' processors, on a node started for one command. */
    private boolean processorsStarted;
    // Read models
    private final NotebookProjections projections;
    private final RunProjections runProjections;
    private final ScheduleProjections scheduleProjections;
    private final OutputBlobs blobs;
    // Kernels, runs and schedules, made when first needed (a CLI command may need none of them)
    private final ExecutorService recording = Executors.newCachedThreadPool(daemon("quire-recording"));
    private KernelLauncher kernelLauncher;
    private KernelPool kernelPool;
    private NotebookRunner notebookRunner;
    private Scheduling scheduling;
    private OutputStore outputStore;
    private ExternalNotebooks externalNotebooks;
    private S3Client s3Client;

    private Quire(QuireSettings settings, EventDatabase database, Configuration axon, NotebookProjections projections,
                  RunProjections runProjections, ScheduleProjections scheduleProjections,
                  EventStorageEngine storageEngine, OutputBlobs blobs, Serializer serializer,
                  ExecutorService snapshots, ExecutorService commits, EventReaderThreads eventReaders,
                  boolean processorsStarted) {
        this.processorsStarted = processorsStarted;
        this.settings = settings;
        this.serializer = serializer;
        this.scheduleProjections = scheduleProjections;
        this.runProjections = runProjections;
        this.snapshots = snapshots;
        this.commits = commits;
        this.eventReaders = eventReaders;
        this.blobs = blobs;
        this.database = database;
        this.axon = axon;
        this.projections = projections;
        this.storageEngine = storageEngine;
    }

    /**
     * Opens the event store and starts the node.
     *
     * @param rebuild when true, the read models are dropped first and rebuilt from every event
     */
    public static Quire start(QuireSettings settings, boolean rebuild) {
        return start(settings, rebuild, replayed -> { });
    }

    /**
     * Opens the event store and starts the node.
     *
     * @param rebuild         when true, the read models are dropped first and rebuilt from every event
     * @param rebuildProgress told now and then how many events a rebuild has replayed so far
     */
    public static Quire start(QuireSettings settings, boolean rebuild, LongConsumer rebuildProgress) {
        return start(settings, rebuild, rebuildProgress, false);
    }

    /**
     * Opens the event store for one short command (list, read, import...): the read models' processors start only
     * when a read finds the read models behind the events ({@link #awaitProjections}), as after the command's own
     * write. A command that only reads starts none: nothing to claim and release, and nothing for Axon 4.13 to log
     * when a processor is stopped before it has opened its event stream (a NullPointerException with its stack
     * trace on the user's terminal).
     */
    public static Quire startForCommand(QuireSettings settings) {
        return start(settings, false, replayed -> { }, true);
    }

    private static Quire start(QuireSettings settings, boolean rebuild, LongConsumer rebuildProgress,
                               boolean processorsOnDemand) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        EventDatabase database = settings.databaseUrl() == null
                ? EventDatabase.openDirectory(settings.dataDirectory())
                : EventDatabase.open(settings.databaseUrl());
        // Snapshots are taken on their own thread after the commit, not by the committing command while it still
        // holds the notebook's lock (every 1,000 edits, ~700 KB serialised while the other editors waited).
        ExecutorService snapshots = Executors.newSingleThreadExecutor(daemon("quire-snapshots"));
        // Commands queued for a notebook while its previous group was handled are handled and committed together.
        ExecutorService commits = Executors.newCachedThreadPool(daemon("quire-group-commit"));
        EventReaderThreads eventReaders = new EventReaderThreads();
        try {
            Serializer serializer = QuireJson.serializer();
            EventStorageEngine storageEngine = database.storageEngine(serializer);
            OutputBlobs blobs = new OutputBlobs(new JdbcBlobStore(database.dataSource(),
                    database.kind() == DatabaseKind.POSTGRESQL ? "BYTEA" : "BLOB"), settings.largeOutputThreshold());
            ReadModels readModels = ReadModels.open(database, new InlinedOutputs(blobs), rebuild);
            Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                    .configureSerializer(c -> serializer)
                    .configureEventSerializer(c -> serializer)
                    .configureMessageSerializer(c -> serializer)
                    .configureTransactionManager(c -> database.transactionManager())
                    .configureCommandBus(c -> groupCommit(c, database, commits))
                    .registerComponent(CommandTargetResolver.class, c -> CommandTargets.resolver())
                    .configureEventStore(c -> eventStore(c, storageEngine, eventReaders))
                    .configureAggregate(AggregateConfigurer.defaultConfiguration(Notebook.class)
                            .configureCache(c -> new RecentAggregates(CACHED_AGGREGATES))
                            .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                                    c.snapshotter(), settings.snapshotThreshold())))
                    // A running run takes a command per cell step: keep it in memory rather than re-read its events.
                    .configureAggregate(AggregateConfigurer.defaultConfiguration(Run.class)
                            .configureCache(c -> new RecentAggregates(CACHED_AGGREGATES)))
                    .configureAggregate(Schedule.class);
            configurer.configureSnapshotter(c -> AggregateSnapshotter.builder()
                    .eventStore(c.eventStore())
                    .aggregateFactories(c.findModules(AggregateConfiguration.class).stream()
                            .<AggregateFactory<?>>map(AggregateConfiguration::aggregateFactory).toList())
                    .repositoryProvider(c::repository)
                    .parameterResolverFactory(c.parameterResolverFactory())
                    .handlerDefinition(c.handlerDefinition(Notebook.class))
                    .transactionManager(database.transactionManager())
                    .executor(snapshots)
                    .build());
            configurer.eventProcessing().registerTokenStore(c -> database.tokenStore(serializer));
            readModels.registerWith(configurer, !processorsOnDemand);
            Configuration axon = configurer.buildConfiguration();
            axon.start();
            try {
                readModels.replay(axon, serializer, rebuildProgress, !processorsOnDemand);
            } catch (RuntimeException e) {
                axon.shutdown();
                throw e;
            }
            return new Quire(settings, database, axon, readModels.notebooks, readModels.runs, readModels.schedules,
                    storageEngine, blobs, serializer, snapshots, commits, eventReaders, !processorsOnDemand);
        } catch (RuntimeException e) {
            snapshots.shutdownNow();
            commits.shutdownNow();
            database.close();
            throw e;
        }
    }

    /**
     * Axon's embedded event store, as {@code configureEmbeddedEventStore} builds it, but keeping the last
     * {@value #CACHED_EVENTS} events for the processors that follow the head rather than Axon's 10,000. Kept for a
     * second or more while editing, those events outlived a young collection and filled the old generation
     * (11.7-13.8 MB/s of promotion against 5.5-8.1 with 1,000, bench/README.md "Round 5"), which the parallel
     * collector empties only with a full pause. A processor further behind reads from the database until it catches
     * up, as one does after a restart.
     */
    private static EmbeddedEventStore eventStore(Configuration c, EventStorageEngine storageEngine,
                                                 EventReaderThreads threads) {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .threadFactory(threads)
                // How long the reader waits before looking for events other nodes appended (this node's own wake
                // it at once). Axon's 1 s also made closing wait up to a second for the reader to notice.
                .fetchDelay(FETCH_DELAY.toMillis())
                .messageMonitor(c.messageMonitor(EmbeddedEventStore.class, "eventStore"))
                .cachedEvents(CACHED_EVENTS)
                .build();
        c.onShutdown(store::shutDown);
        return store;
    }

    /** Axon's default command bus, behind one that commits the commands waiting for a notebook together. */
    private static CommandBus groupCommit(Configuration c, EventDatabase database, ExecutorService commits) {
        SimpleCommandBus handling = SimpleCommandBus.builder()
                .transactionManager(database.transactionManager())
                .messageMonitor(c.messageMonitor(SimpleCommandBus.class, "commandBus"))
                .build();
        handling.registerHandlerInterceptor(new CorrelationDataInterceptor<>(c.correlationDataProviders()));
        return new GroupCommitCommandBus(handling, database.transactionManager(), CommandTargets::aggregateOf,
                commits);
    }

    /** How many events the store holds. */
    public long eventCount() {
        return database.eventCount();
    }

    /** How this node was set up: where its data directory is, and the rest. */
    public QuireSettings settings() {
        return settings;
    }

    public CommandGateway commands() {
        return axon.commandGateway();
    }

    public EventStore eventStore() {
        return axon.eventStore();
    }

    public NotebookProjections projections() {
        return projections;
    }

    /** The latest snapshot of an aggregate, if one was taken. */
    public Optional<DomainEventMessage<?>> latestSnapshot(String aggregateId) {
        return storageEngine.readSnapshot(aggregateId);
    }

    public NotebookHistory history() {
        return new NotebookHistory(axon.eventStore(), new InlinedOutputs(blobs));
    }

    /**
     * Waits until the projections have applied every event stored so far, so a read after a write (or after a
     * restart) sees it (see {@link ReadModelCatchUp}).
     *
     * @throws TimeoutException when they have not caught up in time (a stuck or failing projection)
     */
    public void awaitProjections(Duration timeout) throws TimeoutException, InterruptedException {
        new ReadModelCatchUp(axon.eventStore(), axon.eventProcessingConfiguration(), database.dataSource(), serializer,
                List.of(NotebookProjections.GROUP, RunProjections.GROUP, ScheduleProjections.GROUP))
                .await(timeout, this::startProcessors);
    }

    /** Starts the read models' processors, if this node has not yet (see {@link #startForCommand}). */
    private synchronized void startProcessors() {
        if (!processorsStarted) {
            processorsStarted = true;
            axon.eventProcessingConfiguration().eventProcessors().values().forEach(EventProcessor::start);
        }
    }

    /** The users who may call the server, with their tokens. */
    public Users users() {
        return new Users(database.dataSource());
    }

    /** The kernelspecs installed on this machine, found as jupyter_client finds them. */
    public KernelSpecFinder kernelSpecs() {
        return KernelSpecFinder.standard(List.of());
    }

    /**
     * Starts kernels as local processes, ipykernel ones forked from a pre-imported interpreter if
     * {@code QUIRE_FORK_KERNELS=true} (opt-in until the gateway's tests pass with it); the first call also stops
     * kernels an earlier Quire left running.
     */
    public synchronized KernelLauncher kernels() {
        if (kernelLauncher == null) {
            Path directory = settings.dataDirectory().resolve("kernels");
            Map<String, String> environment = Map.of("PYDEVD_DISABLE_FILE_VALIDATION", "1");
            kernelLauncher = "true".equalsIgnoreCase(System.getenv("QUIRE_FORK_KERNELS"))
                    ? new ForkingKernelLauncher(directory, settings.kernelStartTimeout(), environment)
                    : new LocalKernelLauncher(directory, settings.kernelStartTimeout(), environment);
        }
        return kernelLauncher;
    }

    /**
     * Ready kernels: warm ones from the pool when {@code kernelPoolSize} is above 0, else started now. A kernel
     * is handed out once; no state passes from one user to the next.
     */
    public synchronized KernelPool kernelPool() {
        if (kernelPool == null) {
            kernelPool = new KernelPool(kernels(), settings.kernelPoolSize(), POOL_REFILL_DELAY);
        }
        return kernelPool;
    }

    /** Runs cells on kernels and records every step on the notebook. */
    public CellRunner cellRunner() {
        return new CellRunner(commands(), recording, blobs);
    }

    /** The run history read model. */
    public RunProjections runProjections() {
        return runProjections;
    }

    /**
     * Starts firing schedules in this process (a serving node); {@link #schedules()} then keeps the triggers in step
     * with every change.
     *
     * @param nodeId this node's name in a cluster, or null for {@code $QUIRE_NODE_ID} or the host name
     */
    public synchronized void startScheduling(String nodeId) throws Exception {
        if (scheduling == null) {
            scheduling = Scheduling.start(this, nodeId);
        }
    }

    /** Schedules as users manage them. */
    public synchronized NotebookSchedules schedules() {
        return new NotebookSchedules(this, scheduling);
    }

    /** The schedules read model. */
    public ScheduleProjections scheduleProjections() {
        return scheduleProjections;
    }

    /** Runs parameterized notebooks on fresh kernels, recording each run. */
    public synchronized NotebookRunner notebookRunner() {
        if (notebookRunner == null) {
            notebookRunner = new NotebookRunner(commands(), recording, blobs, new FreshKernels(kernelPool(), kernels()),
                    CHECKPOINT_EVERY, Clock.systemUTC());
        }
        return notebookRunner;
    }

    /** Where output notebooks are kept: {@code DATA/outputs}, another directory, or S3. */
    public synchronized OutputStore outputStore() {
        if (outputStore == null) {
            String store = settings.outputStore();
            if (store == null || store.isBlank()) {
                outputStore = new FileOutputStore(settings.dataDirectory().resolve("outputs"));
            } else if (store.startsWith("s3://")) {
                outputStore = S3OutputStore.at(store, s3Client());
            } else {
                outputStore = new FileOutputStore(Path.of(store).toAbsolutePath());
            }
        }
        return outputStore;
    }

    /** Notebooks in files and S3 objects, for runs' inputs and outputs. */
    public synchronized ExternalNotebooks externalNotebooks() {
        if (externalNotebooks == null) {
            externalNotebooks = new ExternalNotebooks(this::s3Client);
        }
        return externalNotebooks;
    }

    private synchronized S3Client s3Client() {
        if (s3Client == null) {
            s3Client = S3Clients.create(settings.s3());
        }
        return s3Client;
    }

    /** Quire's version, as the jar says, for what Quire records about itself (e.g. in output notebooks). */
    public static String version() {
        String version = Quire.class.getPackage().getImplementationVersion();
        return "quire " + (version == null ? "(development build)" : version);
    }

    /** Stops runs and kernels first (their last outputs get recorded), then event processing, then the database. */
    @Override
    public void close() {
        try {
            // Outside the lock: closing waits for a firing schedule, whose launch takes the lock (notebookRunner());
            // inside it, a schedule firing as Quire stopped hung the close for ever.
            Scheduling firing;
            synchronized (this) {
                firing = scheduling;
            }
            if (firing != null) {
                firing.close();
            }
            synchronized (this) {
                if (notebookRunner != null) {
                    notebookRunner.close();
                }
                if (kernelPool != null) {
                    kernelPool.close();
                }
                if (kernelLauncher != null) {
                    kernelLauncher.close();
                }
            }
            recording.shutdown();
            recording.awaitTermination(10, TimeUnit.SECONDS);
            synchronized (this) {
                if (externalNotebooks != null) {
                    externalNotebooks.close();
                }
                if (s3Client != null) {
                    s3Client.close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                axon.shutdown();
                commits.shutdown();
                awaitSnapshots();
                awaitEventReaders();
            } finally {
                database.close();
            }
        }
    }

    /** The event store's reader may be in the middle of a fetch: let it end before its connection closes. */
    private void awaitEventReaders() {
        try {
            if (!eventReaders.awaitEnd(Duration.ofSeconds(5))) {
                LOG.warn("the event store's reader did not stop within 5 s; closing the database anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets a snapshot being taken finish: stopping it half-way would only waste it. */
    private void awaitSnapshots() {
        snapshots.shutdown();
        try {
            snapshots.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
