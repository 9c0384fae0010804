package io.quire.gateway.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.gateway.cli.QuireCli;
import io.quire.runtime.testing.S3TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quire run} and {@code quire runs} as a user types them. */
class RunCommandTest {

    private static final String NOTEBOOK = """
            {"nbformat": 4, "nbformat_minor": 5,
             "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
             "cells": [
              {"id": "params", "cell_type": "code", "metadata": {"tags": ["parameters"]}, "outputs": [],
               "execution_count": null, "source": "n = 1\\ntoken = ''"},
              {"id": "show", "cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
               "source": "print('n is', n, 'token is', token)"}]}
            """;

    @TempDir
    Path data;
    @TempDir
    Path work;
    private Path notebook;

    @BeforeEach
    void notebook() throws Exception {
        RunPrerequisites.requireKernelAndCorpus();
        notebook = Files.writeString(work.resolve("show.ipynb"), NOTEBOOK);
    }

    @Test
    void runsAFileShowsProgressAndListsTheRun() throws Exception {
        Result run = quire("run", notebook.toString(), work.resolve("out.ipynb").toString(), "-p", "n", "6",
                "--log-output");

        assertThat(run.exitCode).as(run.log()).isZero();
        assertThat(run.out).contains("n is 6");
        assertThat(run.err).contains("3/3 cell show completed").contains("succeeded");
        assertThat(Files.readString(work.resolve("out.ipynb"))).contains("n is 6");

        Result list = quire("runs");
        assertThat(list.out).contains(runId(run)).contains("succeeded").contains("out.ipynb");
    }

    @Test
    void aSecretIsMaskedInTheLiveOutputAndTheOutputNotebook() throws Exception {
        Result run = quire("run", notebook.toString(), work.resolve("out.ipynb").toString(),
                "--secret", "token", "tiger-stripes-42", "--log-output");

        assertThat(run.exitCode).as(run.log()).isZero();
        assertThat(run.out + run.err).doesNotContain("tiger-stripes-42").contains("token is ********");
        assertThat(Files.readString(work.resolve("out.ipynb"))).doesNotContain("tiger-stripes-42");
    }

    @Test
    void aSecondRunToTheSameOutputIsRefusedBeforeItRuns() throws Exception {
        Path output = work.resolve("once.ipynb");
        assertThat(quire("run", notebook.toString(), output.toString()).exitCode).isZero();
        byte[] first = Files.readAllBytes(output);

        Result again = quire("run", notebook.toString(), output.toString(), "-p", "n", "2");
        assertThat(again.exitCode).isEqualTo(1);
        assertThat(again.err).contains("never overwritten");
        assertThat(Files.readAllBytes(output)).isEqualTo(first);
    }

    @Test
    void badInputGetsAOneLineMessage() throws Exception {
        Result missing = quire("run", work.resolve("nope.ipynb").toString());
        assertThat(missing.exitCode).isEqualTo(1);
        assertThat(missing.err).contains("nope.ipynb");

        Result badName = quire("run", notebook.toString(), "-p", "1n", "2");
        assertThat(badName.exitCode).isEqualTo(1);
        assertThat(badName.err).contains("1n");

        Result badKernel = quire("run", notebook.toString(), "-k", "cobol");
        assertThat(badKernel.exitCode).isEqualTo(1);
        assertThat(badKernel.err).contains("cobol").contains("python3");

        Result nothing = quire("run");
        assertThat(nothing.exitCode).isEqualTo(1);
        assertThat(nothing.err).contains("--retry");
    }

    @Test
    void retryRunsTheSameParametersAgain() throws Exception {
        Result first = quire("run", notebook.toString(), "-p", "n", "11");
        assertThat(first.exitCode).as(first.log()).isZero();

        Result retry = quire("run", "--retry", runId(first), "--log-output");
        assertThat(retry.exitCode).as(retry.log()).isZero();
        assertThat(retry.out).contains("n is 11");
    }

    @Test
    void readsAndWritesNotebooksInS3() throws Exception {
        try (S3TestServer s3 = S3TestServer.inMemory()) {
            String bucket = s3.newBucket();
            s3.client().putObject(put -> put.bucket(bucket).key("in/show.ipynb"), RequestBody.fromString(NOTEBOOK));
            System.setProperty("aws.accessKeyId", S3TestServer.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", S3TestServer.SECRET_KEY);
            try {
                Result run = quire("run", "s3://" + bucket + "/in/show.ipynb", "s3://" + bucket + "/out/show.ipynb",
                        "-p", "n", "8", "--s3-endpoint", s3.endpoint().toString());
                assertThat(run.exitCode).as(run.log()).isZero();
                String output = s3.client().getObjectAsBytes(get -> get.bucket(bucket).key("out/show.ipynb"))
                        .asUtf8String();
                assertThat(output).contains("n is 8");
                assertThat(new ObjectMapper().readTree(output).path("metadata").path("quire").path("source")
                        .path("location").asText()).isEqualTo("s3://" + bucket + "/in/show.ipynb");

                Result again = quire("run", "s3://" + bucket + "/in/show.ipynb", "s3://" + bucket + "/out/show.ipynb",
                        "--s3-endpoint", s3.endpoint().toString());
                assertThat(again.exitCode).isEqualTo(1);
                assertThat(again.err).contains("never overwritten");
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
        }
    }

    // ---- plumbing

    private record Result(int exitCode, String out, String err) {
        String log() {
            return "stdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private static String runId(Result run) {
        Matcher matcher = Pattern.compile("run ([0-9a-f-]{36})").matcher(run.err);
        assertThat(matcher.find()).as(run.log()).isTrue();
        return matcher.group(1);
    }

    private Result quire(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = QuireCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> withData = new ArrayList<>(List.of(args));
        withData.addAll(List.of("--data", data.toString()));
        int exitCode = commandLine.execute(withData.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }
}
