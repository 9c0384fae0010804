package io.quire.gateway.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quire.domain.CommandRejectedException;
import io.quire.domain.run.RunStatus;
import io.quire.domain.schedule.MisfirePolicy;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.domain.schedule.VersionPolicy;
import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.command.InsertCell;
import io.quire.gateway.Quire;
import io.quire.gateway.QuireSettings;
import io.quire.gateway.notebook.Notebooks;
import io.quire.projections.runs.RunSummary;
import io.quire.projections.schedules.ScheduleView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schedules fired by a serving node on the embedded store: runs of the right version, pause, restart. */
class SchedulingTest {

    private static final String NOTEBOOK = """
            {"nbformat": 4, "nbformat_minor": 5,
             "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
             "cells": [
              {"id": "params", "cell_type": "code", "metadata": {"tags": ["parameters"]}, "outputs": [],
               "execution_count": null, "source": "region = 'none'"},
              {"id": "report", "cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
               "source": "print('report for', region)"}]}
            """;

    @TempDir
    Path data;
    private Quire quire;
    private String notebookId;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of("/usr/share/jupyter/kernels/python3/kernel.json"))
                || "true".equals(System.getenv("CI")), "needs Debian's python3-ipykernel");
        quire = Quire.start(QuireSettings.embedded(data).withKernels(1, Duration.ZERO), false);
        notebookId = new Notebooks(quire).importNotebook(NOTEBOOK.getBytes(), "report.ipynb", "report.ipynb", "ann");
    }

    @AfterEach
    void stop() {
        if (quire != null) {
            quire.close();
        }
    }

    private ScheduleDefinition everySecond(VersionPolicy version) {
        return new ScheduleDefinition(notebookId, "every second", "* * * * * ?", ZoneId.of("UTC"),
                JsonNodeFactory.instance.objectNode().put("region", "emea"), null, version, MisfirePolicy.SKIP, 1, 0,
                Duration.ofSeconds(1), Duration.ofMinutes(1), null);
    }

    @Test
    void aScheduleRunsItsNotebookOnItsCronWithItsParametersAndVersion() throws Exception {
        quire.commands().sendAndWait(new InsertCell(notebookId, "later", "report", CellType.CODE, "print('v1')", "bob"));
        quire.startScheduling(null);
        ScheduleView schedule = quire.schedules().create(everySecond(VersionPolicy.pinned(0)), "ann");

        List<RunSummary> runs = awaitRuns(schedule.scheduleId(), 2, Duration.ofSeconds(180));

        RunSummary run = runs.get(runs.size() - 1);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.trigger()).isEqualTo("SCHEDULE");
        assertThat(run.version()).isZero();
        JsonNode output = new ObjectMapper().readTree(Path.of(URI.create(run.outputLocation())).toFile());
        assertThat(output.toString()).contains("report for emea").doesNotContain("v1");
        assertThat(output.path("metadata").path("quire").path("schedule_id").asText()).isEqualTo(schedule.scheduleId());
    }

    @Test
    void aPausedScheduleDoesNotFireUntilResumed() throws Exception {
        quire.startScheduling(null);
        ScheduleView schedule = quire.schedules().create(everySecond(VersionPolicy.latest()), "ann");
        awaitRuns(schedule.scheduleId(), 1, Duration.ofSeconds(180));
        quire.schedules().pause(schedule.scheduleId(), "ann");
        int paused = settledRunCount(schedule.scheduleId());

        Thread.sleep(2500);
        assertThat(runsOf(schedule.scheduleId())).hasSize(paused);
        assertThatThrownBy(() -> quire.schedules().pause(schedule.scheduleId(), "ann"))
                .isInstanceOf(CommandRejectedException.class);

        quire.schedules().resume(schedule.scheduleId(), "ann");
        awaitRuns(schedule.scheduleId(), paused + 1, Duration.ofSeconds(180));
        quire.schedules().delete(schedule.scheduleId(), "ann");
        assertThat(quire.schedules().all()).isEmpty();
    }

    @Test
    void schedulesComeBackAfterARestart() throws Exception {
        ScheduleView schedule = quire.schedules().create(everySecond(VersionPolicy.latest()), "ann");
        quire.close();

        quire = Quire.start(QuireSettings.embedded(data).withKernels(1, Duration.ZERO), false);
        quire.startScheduling(null);

        assertThat(awaitRuns(schedule.scheduleId(), 1, Duration.ofSeconds(180))).isNotEmpty();
    }

    @Test
    void anInvalidScheduleIsRefusedWithTheReason() {
        ScheduleDefinition bad = new ScheduleDefinition(notebookId, "bad", "61 * * * * ?", ZoneId.of("UTC"),
                JsonNodeFactory.instance.objectNode(), null, VersionPolicy.latest(), MisfirePolicy.SKIP, 1, 0,
                Duration.ofSeconds(1), null, null);
        assertThatThrownBy(() -> quire.schedules().create(bad, "ann"))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("61 * * * * ?");
    }

    private List<RunSummary> runsOf(String scheduleId) throws Exception {
        quire.awaitProjections(Duration.ofSeconds(30));
        return quire.runProjections().history().ofSchedule(scheduleId, 100);
    }

    private List<RunSummary> awaitRuns(String scheduleId, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<RunSummary> ended = runsOf(scheduleId).stream().filter(r -> r.status().ended()).toList();
            if (ended.size() >= count) {
                return ended;
            }
            assertThat(System.nanoTime()).as("%d ended runs of schedule %s within %s", count, scheduleId, timeout)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /**
     * The schedule's run count once it has not changed for 1.5 s: a run fired before the pause may be recorded some
     * time after it on a loaded machine. A schedule still firing every second never settles, and fails here.
     */
    private int settledRunCount(String scheduleId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int count = runsOf(scheduleId).size();
        long since = System.nanoTime();
        while (System.nanoTime() - since < Duration.ofMillis(1500).toNanos()) {
            assertThat(System.nanoTime()).as("the run count of a paused schedule settles within 30 s")
                    .isLessThan(deadline);
            Thread.sleep(100);
            int now = runsOf(scheduleId).size();
            if (now != count) {
                count = now;
                since = System.nanoTime();
            }
        }
        return count;
    }
}
