package io.quire.kernel.client.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.client.InputHandler;
import io.quire.kernel.message.ClearOutput;
import io.quire.kernel.message.DisplayData;
import io.quire.kernel.message.ErrorOutput;
import io.quire.kernel.message.ExecuteReply;
import io.quire.kernel.message.ExecuteRequest;
import io.quire.kernel.message.ExecuteResult;
import io.quire.kernel.message.HistoryReply;
import io.quire.kernel.message.HistoryRequest;
import io.quire.kernel.message.IsCompleteReply;
import io.quire.kernel.message.KernelInfo;
import io.quire.kernel.message.Output;
import io.quire.kernel.message.ReplyStatus;
import io.quire.kernel.message.StreamOutput;
import io.quire.kernel.message.UpdateDisplayData;
import io.quire.kernel.testkernel.LocalKernel;
import io.quire.kernel.testkernel.SharedKernel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Requests and outputs against a real ipykernel (shared with other test classes: starting one is slow). */
@ExtendWith(SharedKernel.class)
class ZmqKernelClientTest {

    static LocalKernel kernel;
    static ZmqKernelClient client;
    static KernelInfo info;

    @BeforeAll
    static void connect(LocalKernel shared) throws Exception {
        kernel = shared;
        client = kernel.clientBuilder().build();
        info = client.ready(Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    /** A finished execution: its reply and every output the listener saw by the time the future completed. */
    record Run(ExecuteReply reply, List<Output> outputs) {
        String stdout() {
            return outputs.stream().filter(StreamOutput.class::isInstance).map(o -> ((StreamOutput) o).text())
                    .collect(Collectors.joining());
        }
    }

    static Run run(String code) throws Exception {
        return run(code, null);
    }

    static Run run(String code, InputHandler input) throws Exception {
        List<Output> outputs = new CopyOnWriteArrayList<>();
        ExecuteReply reply = client.execute(ExecuteRequest.of(code), outputs::add, input).get(20, TimeUnit.SECONDS);
        return new Run(reply, List.copyOf(outputs));
    }

    @Test
    void kernelInfoDescribesIpythonSpeakingProtocol5() throws Exception {
        KernelInfo again = client.kernelInfo().get(10, TimeUnit.SECONDS);

        assertThat(info.status()).isEqualTo(ReplyStatus.OK);
        assertThat(again.implementation()).isEqualTo("ipython");
        assertThat(again.languageName()).isEqualTo("python");
        assertThat(again.protocolVersion()).startsWith("5.");
    }

    @Test
    void onePlusOneGivesAnExecuteResultOfTwo() throws Exception {
        Run run = run("1+1");

        assertThat(run.reply().status()).isEqualTo(ReplyStatus.OK);
        assertThat(run.reply().executionCount()).isPositive();
        assertThat(run.outputs()).singleElement().isInstanceOfSatisfying(ExecuteResult.class, result -> {
            assertThat(result.data().get("text/plain").asText()).isEqualTo("2");
            assertThat(result.executionCount()).isEqualTo(run.reply().executionCount());
        });
    }

    @Test
    void everyOutputHasArrivedWhenTheExecutionCompletes() throws Exception {
        Run run = run("for i in range(300):\n    print(i, flush=True)\n"
                + "from IPython.display import display\nfor i in range(50):\n    display(i)");

        assertThat(run.stdout().lines().toList()).hasSize(300).endsWith("299");
        assertThat(run.outputs()).filteredOn(DisplayData.class::isInstance).hasSize(50);
    }

    @Test
    void printsStreamToStdoutAndStderr() throws Exception {
        Run run = run("import sys\nprint('hello')\nprint('oops', file=sys.stderr)");

        assertThat(run.stdout()).contains("hello");
        assertThat(run.outputs()).contains(new StreamOutput("stderr", "oops\n"));
    }

    @Test
    void displayWithIdIsFollowedByItsUpdate() throws Exception {
        Run run = run("from IPython.display import display\n"
                + "h = display({'text/plain': 'first'}, raw=True, display_id='quire-d1')\n"
                + "h.update({'text/plain': 'second'}, raw=True)");

        assertThat(run.outputs()).hasSize(2);
        assertThat(run.outputs().get(0)).isInstanceOfSatisfying(DisplayData.class, display -> {
            assertThat(display.displayId()).isEqualTo("quire-d1");
            assertThat(display.data().get("text/plain").asText()).isEqualTo("first");
        });
        assertThat(run.outputs().get(1)).isInstanceOfSatisfying(UpdateDisplayData.class, update -> {
            assertThat(update.displayId()).isEqualTo("quire-d1");
            assertThat(update.data().get("text/plain").asText()).isEqualTo("second");
        });
    }

    @Test
    void anExceptionGivesAnErrorOutputAndAnErrorReply() throws Exception {
        Run run = run("1/0");

        assertThat(run.reply().status()).isEqualTo(ReplyStatus.ERROR);
        assertThat(run.reply().ename()).isEqualTo("ZeroDivisionError");
        assertThat(run.outputs()).singleElement().isInstanceOfSatisfying(ErrorOutput.class, error -> {
            assertThat(error.ename()).isEqualTo("ZeroDivisionError");
            assertThat(error.evalue()).isEqualTo("division by zero");
            String plain = String.join("\n", error.traceback()).replaceAll("\u001B\\[[;\\d]*m", "");
            assertThat(plain).contains("----> 1 1/0").endsWith("ZeroDivisionError: division by zero");
        });
    }

    @Test
    void clearOutputWithWaitSitsBetweenTheOutputsItClears() throws Exception {
        Run run = run("from IPython.display import clear_output\n"
                + "print('before', flush=True)\nclear_output(wait=True)\nprint('after', flush=True)");

        assertThat(run.outputs()).containsExactly(new StreamOutput("stdout", "before\n"), new ClearOutput(true),
                new StreamOutput("stdout", "after\n"));
    }

    @Test
    void completesANameDefinedInTheKernel() throws Exception {
        run("quire_variable = 1");

        var reply = client.complete("quire_var", 9).get(10, TimeUnit.SECONDS);

        assertThat(reply.status()).isEqualTo(ReplyStatus.OK);
        assertThat(reply.matches()).contains("quire_variable");
        assertThat(reply.cursorStart()).isZero();
        assertThat(reply.cursorEnd()).isEqualTo(9);
    }

    @Test
    void inspectsABuiltin() throws Exception {
        var reply = client.inspect("len", 3, 0).get(10, TimeUnit.SECONDS);

        assertThat(reply.found()).isTrue();
        assertThat(reply.data().get("text/plain").asText()).contains("len");
    }

    @Test
    void tellsCompleteIncompleteAndInvalidCodeApart() throws Exception {
        var incomplete = client.isComplete("for i in range(3):").get(10, TimeUnit.SECONDS);

        assertThat(incomplete.status()).isEqualTo(IsCompleteReply.Status.INCOMPLETE);
        assertThat(incomplete.indent()).isEqualTo("    ");
        assertThat(client.isComplete("x = 1").get(10, TimeUnit.SECONDS).status())
                .isEqualTo(IsCompleteReply.Status.COMPLETE);
        assertThat(client.isComplete("x = 1)").get(10, TimeUnit.SECONDS).status())
                .isEqualTo(IsCompleteReply.Status.INVALID);
    }

    @Test
    void historyHoldsWhatWasRun() throws Exception {
        run("quire_history_marker = 42");

        HistoryReply tail = client.history(HistoryRequest.tail(5, true)).get(10, TimeUnit.SECONDS);
        HistoryReply search = client.history(HistoryRequest.search("quire_history_*", 10, true, false))
                .get(10, TimeUnit.SECONDS);

        assertThat(tail.status()).isEqualTo(ReplyStatus.OK);
        assertThat(tail.entries()).extracting(HistoryReply.Entry::input).contains("quire_history_marker = 42");
        assertThat(search.entries()).extracting(HistoryReply.Entry::input).containsExactly("quire_history_marker = 42");
    }

    @Test
    void inputIsAnsweredByTheExecutionsHandler() throws Exception {
        List<String> prompts = new CopyOnWriteArrayList<>();
        Run run = run("name = input('your name? ')\nprint('hello ' + name)", request -> {
            prompts.add(request.prompt());
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> "quire");
        });

        assertThat(prompts).containsExactly("your name? ");
        assertThat(run.reply().status()).isEqualTo(ReplyStatus.OK);
        assertThat(run.stdout()).contains("hello quire");
    }

    @Test
    void withoutAnInputHandlerInputRaisesInTheKernel() throws Exception {
        Run run = run("input('x')");

        assertThat(run.reply().status()).isEqualTo(ReplyStatus.ERROR);
        assertThat(run.reply().ename()).isEqualTo("StdinNotImplementedError");
    }
}
