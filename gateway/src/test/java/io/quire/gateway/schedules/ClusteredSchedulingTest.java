package io.quire.gateway.schedules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quire.domain.schedule.MisfirePolicy;
import io.quire.domain.schedule.ScheduleDefinition;
import io.quire.domain.schedule.VersionPolicy;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two Quire nodes on one PostgreSQL database (a database of its own, dropped afterwards): a schedule firing every
 * second starts one run per fire time across both nodes, never two.
 */
class ClusteredSchedulingTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String NOTEBOOK = """
            {"nbformat": 4, "nbformat_minor": 5,
             "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
             "cells": [{"id": "a", "cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
                        "source": "print('tick')"}]}
            """;

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;
    private String database;
    private Quire nodeA;
    private Quire nodeB;

    @BeforeEach
    void createDatabase() throws SQLException {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of("/usr/share/jupyter/kernels/python3/kernel.json"))
                || "true".equals(System.getenv("CI")), "needs Debian's python3-ipykernel");
        database = "quire_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (database != null) {
            try (Connection admin = admin(); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void eachFireTimeStartsOneRunAcrossTheCluster() throws Exception {
        String url = SERVER + database + "?user=postgres";
        nodeA = Quire.start(new QuireSettings(dataA, url, 1000).withKernels(2, Duration.ZERO), false);
        nodeB = Quire.start(new QuireSettings(dataB, url, 1000).withKernels(2, Duration.ZERO), false);
        String notebookId = new Notebooks(nodeA).importNotebook(NOTEBOOK.getBytes(), "tick.ipynb", "tick.ipynb", "ann");
        nodeA.startScheduling("node-a");
        nodeB.startScheduling("node-b");

        ScheduleView schedule = nodeA.schedules().create(new ScheduleDefinition(notebookId, "tick", "* * * * * ?",
                ZoneId.of("UTC"), JsonNodeFactory.instance.objectNode(), null, VersionPolicy.latest(),
                MisfirePolicy.SKIP, 5, 0, Duration.ofSeconds(1), null, null), "ann");
        long start = System.nanoTime();
        Thread.sleep(6_000);
        nodeA.schedules().pause(schedule.scheduleId(), "ann");
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(3_000); // let the last runs end

        nodeA.awaitProjections(Duration.ofSeconds(30));
        List<RunSummary> runs = nodeA.runProjections().history().ofSchedule(schedule.scheduleId(), 100);
        assertThat(runs.size()).as("runs in %.1f s of a schedule firing every second", seconds)
                .isBetween(3, (int) Math.ceil(seconds) + 1);
        assertThat(runs).allSatisfy(run -> assertThat(run.trigger()).isEqualTo("SCHEDULE"));
    }

    private static Connection admin() throws SQLException {
        try {
            return DriverManager.getConnection(SERVER + "postgres?user=postgres");
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("no PostgreSQL at 127.0.0.1:5432: " + e.getMessage());
            }
            Assumptions.abort("no PostgreSQL at 127.0.0.1:5432 (" + e.getMessage() + "): skipping the cluster test");
            throw e;
        }
    }
}
