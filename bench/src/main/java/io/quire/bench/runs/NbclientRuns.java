package io.quire.bench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The reference: {@code bench/runs/nbclient_runs.py} on Debian's python, papermill's engine running the notebook
 * {@code runs} times one after another (what a user of papermill gets without a server: a fresh kernel per run).
 */
final class NbclientRuns {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Path script;

    NbclientRuns(Path benchDirectory) {
        this.script = benchDirectory.resolve("runs/nbclient_runs.py");
    }

    /**
     * What the runs measured.
     *
     * @param runs      every run's total, request to written output, in ns
     * @param wallNanos all runs, first start to last write
     * @param phases    per phase (prepare, kernel_start, cells, kernel_stop, write): every run's time, in ns
     * @param kernelCpu CPU time of all the runs' kernels, in ns
     * @param driverCpu CPU time of the nbclient process over the runs, in ns
     */
    record Result(long[] runs, long wallNanos, Map<String, long[]> phases, long kernelCpu, long driverCpu) {
    }

    Result run(Path notebook, Path outputs, int runs) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), script.toString(), notebook.toString(),
                outputs.toString(), String.valueOf(runs), RunNotebook.PARAMETER + "=" + RunNotebook.VALUE);
        // The same kernel environment as Quire's launcher gives its kernels, so both start the same kernel.
        builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        byte[] said = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("nbclient_runs.py failed (exit " + process.exitValue() + "): "
                    + new String(said, StandardCharsets.UTF_8));
        }
        JsonNode json = new ObjectMapper().readTree(said);
        if (!json.path("last_output").asText().strip().equals(RunNotebook.EXPECTED_OUTPUT)) {
            throw new IllegalStateException("nbclient's output notebook does not show the parameter: " + json);
        }
        List<String> names = List.of("prepare", "kernel_start", "cells", "kernel_stop", "write");
        Map<String, long[]> phases = new java.util.LinkedHashMap<>();
        names.forEach(name -> phases.put(name, nanos(json.path("runs"), name)));
        return new Result(nanos(json.path("runs"), "total"), (long) (json.path("wall_ms").asDouble() * 1e6), phases,
                (long) (json.path("cpu_ms").path("kernels").asDouble() * 1e6),
                (long) (json.path("cpu_ms").path("driver").asDouble() * 1e6));
    }

    private static long[] nanos(JsonNode runs, String field) {
        List<Long> values = new ArrayList<>();
        runs.forEach(run -> values.add((long) (run.path(field).asDouble() * 1e6)));
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
