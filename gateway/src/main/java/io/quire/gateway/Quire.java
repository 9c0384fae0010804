package io.quire.gateway;

import io.quire.domain.notebook.Notebook;
import io.quire.domain.serialization.QuireJson;
import io.quire.domain.store.EventDatabase;
import io.quire.gateway.users.Users;
import io.quire.domain.store.DatabaseKind;
import io.quire.domain.blob.OutputBlobs;
import io.quire.domain.blob.jdbc.JdbcBlobStore;
import io.quire.projections.notebook.InlinedOutputs;
import io.quire.kernel.spec.KernelSpecFinder;
import io.quire.runtime.execution.CellRunner;
import io.quire.runtime.kernel.KernelLauncher;
import io.quire.runtime.kernel.KernelPool;
import io.quire.runtime.kernel.LocalKernelLauncher;
import io.quire.projections.notebook.NotebookProjections;
import io.quire.projections.versions.NotebookHistory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.quire.domain.store.CommandTargets;
import io.quire.domain.store.GroupCommitCommandBus;
import io.quire.domain.store.RecentAggregates;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * One running Quire node: the event store, the aggregates behind the command gateway, and the projections.
 * This is the composition root: the one place that knows how the modules fit together.
 */
public final class Quire implements AutoCloseable {

    private final EventDatabase database;
    private final Configuration axon;
    private final NotebookProjections projections;
    private final EventStorageEngine storageEngine;
    private final QuireSettings settings;
    private final ExecutorService recording = Executors.newCachedThreadPool(daemon("quire-recording"));
    private final ExecutorService snapshots;
    private final ExecutorService commits;
    private LocalKernelLauncher kernelLauncher;
    private KernelPool kernelPool;
    private final OutputBlobs blobs;

    /** Aggregates kept in memory: a few hundred notebooks being edited, at ~1-10 MB each at worst. */
    private static final int CACHED_AGGREGATES = 256;

    private Quire(QuireSettings settings, EventDatabase database, Configuration axon, NotebookProjections projections,
                  EventStorageEngine storageEngine, OutputBlobs blobs, ExecutorService snapshots,
                  ExecutorService commits) {
        this.settings = settings;
        this.snapshots = snapshots;
        this.commits = commits;
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
        try {
            Serializer serializer = QuireJson.serializer();
            EventStorageEngine storageEngine = database.storageEngine(serializer);
            OutputBlobs blobs = new OutputBlobs(new JdbcBlobStore(database.dataSource(),
                    database.kind() == DatabaseKind.POSTGRESQL ? "BYTEA" : "BLOB"), settings.largeOutputThreshold());
            NotebookProjections projections = new NotebookProjections(database.connectionProvider(),
                    new InlinedOutputs(blobs));
            if (rebuild || projections.outdated()) {
                projections.dropTables();
                database.resetTokens(NotebookProjections.GROUP);
            }
            projections.createTables();
            Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                    .configureSerializer(c -> serializer)
                    .configureEventSerializer(c -> serializer)
                    .configureMessageSerializer(c -> serializer)
                    .configureTransactionManager(c -> database.transactionManager())
                    .configureCommandBus(c -> groupCommit(c, database, commits))
                    .configureEmbeddedEventStore(c -> storageEngine)
                    .configureAggregate(AggregateConfigurer.defaultConfiguration(Notebook.class)
                            .configureCache(c -> new RecentAggregates(CACHED_AGGREGATES))
                            .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                                    c.snapshotter(), settings.snapshotThreshold())));
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
            projections.registerWith(configurer);
            Configuration axon = configurer.buildConfiguration();
            axon.start();
            return new Quire(settings, database, axon, projections, storageEngine, blobs, snapshots, commits);
        } catch (RuntimeException e) {
            snapshots.shutdownNow();
            commits.shutdownNow();
            database.close();
            throw e;
        }
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
     * restart) sees it. Polls the processor's status: Axon offers no completion signal for "caught up".
     *
     * @throws TimeoutException when they have not caught up in time (a stuck or failing projection)
     */
    public void awaitProjections(Duration timeout) throws TimeoutException, InterruptedException {
        TrackingToken head = axon.eventStore().createHeadToken();
        if (head == null || head.position().isEmpty()) {
            return;
        }
        long target = head.position().getAsLong();
        TrackingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(NotebookProjections.GROUP, TrackingEventProcessor.class).orElseThrow();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(processor, target)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the read models did not catch up with the events within " + timeout
                        + "; run `quire rebuild` if this persists");
            }
            Thread.sleep(5);
        }
    }

    private static boolean reached(TrackingEventProcessor processor, long target) {
        return processor.processingStatus().values().stream().anyMatch(status -> status.getCurrentPosition()
                .stream().anyMatch(position -> position >= target));
    }

    /** The users who may call the server, with their tokens. */
    public Users users() {
        return new Users(database.dataSource());
    }

    /** The kernelspecs installed on this machine, found as jupyter_client finds them. */
    public KernelSpecFinder kernelSpecs() {
        return KernelSpecFinder.standard(List.of());
    }

    /** Starts kernels as local processes; the first call also stops kernels an earlier Quire left running. */
    public synchronized KernelLauncher kernels() {
        if (kernelLauncher == null) {
            kernelLauncher = new LocalKernelLauncher(settings.dataDirectory().resolve("kernels"),
                    settings.kernelStartTimeout(), Map.of("PYDEVD_DISABLE_FILE_VALIDATION", "1"));
        }
        return kernelLauncher;
    }

    /**
     * Ready kernels: warm ones from the pool when {@code kernelPoolSize} is above 0, else started now. A kernel
     * is handed out once; no state passes from one user to the next.
     */
    public synchronized KernelPool kernelPool() {
        if (kernelPool == null) {
            kernelPool = new KernelPool(kernels(), settings.kernelPoolSize());
        }
        return kernelPool;
    }

    /** Runs cells on kernels and records every step on the notebook. */
    public CellRunner cellRunner() {
        return new CellRunner(commands(), recording, blobs);
    }

    /** Stops kernels first (their last outputs get recorded), then event processing, then the database. */
    @Override
    public void close() {
        try {
            synchronized (this) {
                if (kernelPool != null) {
                    kernelPool.close();
                }
                if (kernelLauncher != null) {
                    kernelLauncher.close();
                }
            }
            recording.shutdown();
            recording.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                axon.shutdown();
                commits.shutdown();
                awaitSnapshots();
            } finally {
                database.close();
            }
        }
    }

    /** Lets a snapshot being taken finish: stopping it half-way would only waste it. */
    private void awaitSnapshots() {
        snapshots.shutdown();
        try {
            snapshots.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
