package io.quire.gateway.schedules;

import io.quire.gateway.cli.QuireCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quire schedule add|ls|pause|resume|rm} as a user types them (nothing fires: no server runs). */
class ScheduleCommandTest {

    @TempDir
    Path data;

    @Test
    void aScheduleIsAddedListedPausedResumedAndRemoved() throws Exception {
        Path notebook = Files.writeString(data.resolve("r.ipynb"), """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3",
                 "display_name": "Python 3", "language": "python"}}, "cells": [{"id": "a", "cell_type": "code",
                 "metadata": {}, "outputs": [], "execution_count": null, "source": "x = 1"}]}
                """);
        assertThat(quire("import", notebook.toString(), "--as", "reports/r.ipynb").exitCode).isZero();

        Result added = quire("schedule", "add", "reports/r.ipynb", "--cron", "0 0 6 * * ?", "--zone", "Europe/Paris",
                "-p", "region", "emea", "--version", "latest-named", "--retries", "2");
        assertThat(added.exitCode).as(added.err).isZero();
        Matcher id = Pattern.compile("schedule ([0-9a-f-]{36})").matcher(added.out);
        assertThat(id.find()).as(added.out).isTrue();
        String scheduleId = id.group(1);

        Result listed = quire("schedule", "ls");
        assertThat(listed.out).as(listed.err).contains(scheduleId).contains("Europe/Paris").contains("active");
        Result paused = quire("schedule", "pause", scheduleId);
        assertThat(paused.out).as(paused.err).contains("paused");
        Result listedPaused = quire("schedule", "ls");
        assertThat(listedPaused.out).as(listedPaused.err).contains("paused");
        Result again = quire("schedule", "pause", scheduleId);
        assertThat(again.exitCode).isEqualTo(1);
        assertThat(again.err).contains("paused");
        assertThat(quire("schedule", "resume", scheduleId).out).contains("resumed");
        assertThat(quire("schedule", "rm", scheduleId).out).contains("deleted");
        assertThat(quire("schedule", "ls").out).doesNotContain(scheduleId);
    }

    @Test
    void badSchedulesGetAOneLineMessage() throws Exception {
        Result badCron = quire("schedule", "add", "reports/none.ipynb", "--cron", "0 0 6 * * ?");
        assertThat(badCron.exitCode).isEqualTo(1);
        assertThat(badCron.err).contains("no notebook at reports/none.ipynb");
        Result unknown = quire("schedule", "pause", "no-such-schedule");
        assertThat(unknown.exitCode).isEqualTo(1);
        assertThat(unknown.err).contains("no schedule no-such-schedule");
        Result noCron = quire("schedule", "add", "reports/r.ipynb");
        assertThat(noCron.exitCode).isEqualTo(2);
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result quire(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = QuireCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> withData = new ArrayList<>(List.of(args));
        withData.addAll(List.of("--data", data.toString()));
        return new Result(commandLine.execute(withData.toArray(String[]::new)), out.toString(), err.toString());
    }
}
