package io.quire.gateway;

import io.quire.domain.store.EventDatabase;
import io.quire.projections.notebook.InlinedOutputs;
import io.quire.projections.notebook.NotebookProjections;
import io.quire.projections.rebuild.BulkReplay;
import io.quire.projections.rebuild.PendingRebuilds;
import io.quire.projections.rebuild.ReadModelRebuild;
import io.quire.projections.runs.RunProjections;
import io.quire.projections.schedules.ScheduleProjections;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.serialization.Serializer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The node's three groups of read models (notebooks, runs, schedules): their tables, their processors, and which of
 * them are rebuilt from the events at start-up: all of them for {@code quire rebuild}, the notebooks' when their
 * tables have an older shape, and any whose rebuild was cut short. Those are dropped here, filled in one bulk pass
 * by {@link #replay}, and only then is their processor started, from the last event replayed.
 */
final class ReadModels {

    final NotebookProjections notebooks;
    final RunProjections runs;
    final ScheduleProjections schedules;
    private final EventDatabase database;
    private final PendingRebuilds pending;
    private final Set<String> rebuilt;

    private ReadModels(EventDatabase database, NotebookProjections notebooks, RunProjections runs,
                       ScheduleProjections schedules, PendingRebuilds pending, Set<String> rebuilt) {
        this.database = database;
        this.notebooks = notebooks;
        this.runs = runs;
        this.schedules = schedules;
        this.pending = pending;
        this.rebuilt = rebuilt;
    }

    /**
     * Creates the tables, after dropping those of the groups to rebuild (marked first, so that a crash meanwhile
     * makes the next start rebuild them again rather than trust half-filled tables).
     *
     * @param rebuild whether to rebuild every group ({@code quire rebuild})
     */
    static ReadModels open(EventDatabase database, InlinedOutputs inlined, boolean rebuild) {
        NotebookProjections notebooks = new NotebookProjections(database.connectionProvider(), inlined);
        RunProjections runs = new RunProjections(database.connectionProvider());
        ScheduleProjections schedules = new ScheduleProjections(database.connectionProvider());
        PendingRebuilds pending = new PendingRebuilds(database.connectionProvider());
        pending.createTable();
        Set<String> rebuilt = new LinkedHashSet<>(pending.unfinished());
        if (rebuild) {
            rebuilt.addAll(List.of(NotebookProjections.GROUP, RunProjections.GROUP, ScheduleProjections.GROUP));
        } else if (notebooks.outdated()) {
            rebuilt.add(NotebookProjections.GROUP);
        }
        pending.begin(rebuilt);
        if (rebuilt.contains(NotebookProjections.GROUP)) {
            notebooks.dropTables();
        }
        if (rebuilt.contains(RunProjections.GROUP)) {
            runs.dropTables();
        }
        if (rebuilt.contains(ScheduleProjections.GROUP)) {
            schedules.dropTables();
        }
        rebuilt.forEach(database::resetTokens);
        notebooks.createTables();
        runs.createTables();
        schedules.createTables();
        return new ReadModels(database, notebooks, runs, schedules, pending, rebuilt);
    }

    /**
     * Registers the groups' processors; those being rebuilt start only after {@link #replay}, and none starts with
     * the configuration unless {@code startWithNode}.
     */
    void registerWith(Configurer configurer, boolean startWithNode) {
        notebooks.registerWith(configurer, startWithNode && !rebuilt.contains(NotebookProjections.GROUP));
        runs.registerWith(configurer, startWithNode && !rebuilt.contains(RunProjections.GROUP));
        schedules.registerWith(configurer, startWithNode && !rebuilt.contains(ScheduleProjections.GROUP));
    }

    /**
     * Fills the groups being rebuilt from every stored event in one pass, then starts their processors. Before this
     * returns, no command is handled by this node.
     *
     * @param progress     told the number of events replayed so far, now and then
     * @param startAfterward whether to start the replayed groups' processors
     */
    void replay(Configuration axon, Serializer serializer, LongConsumer progress, boolean startAfterward) {
        if (rebuilt.isEmpty()) {
            return;
        }
        List<BulkReplay> replays = new ArrayList<>();
        if (rebuilt.contains(NotebookProjections.GROUP)) {
            replays.add(notebooks.bulkReplay());
        }
        if (rebuilt.contains(RunProjections.GROUP)) {
            replays.add(runs.bulkReplay());
        }
        if (rebuilt.contains(ScheduleProjections.GROUP)) {
            replays.add(schedules.bulkReplay());
        }
        new ReadModelRebuild(database.dataSource(), database.transactionManager(), database.tokenStore(serializer),
                pending).run(replays, progress);
        if (startAfterward) {
            for (String group : rebuilt) {
                axon.eventProcessingConfiguration().eventProcessor(group).orElseThrow().start();
            }
        }
    }
}
