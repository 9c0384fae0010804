package io.quire.gateway.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The config file and the environment as defaults for the options. */
class QuireDefaultsTest {

    @TempDir
    Path home;

    @Test
    void theHomeDirectoryIsTheShellsHome() {
        assertThat(QuireDefaults.home(Map.of("HOME", home.toString()))).isEqualTo(home);
        assertThat(QuireDefaults.home(Map.of())).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void theConfigFileIsReadFromTheShellsHome() throws IOException {
        Files.createDirectories(home.resolve(".quire"));
        Files.writeString(home.resolve(".quire").resolve("quire.properties"), "serve.port=9999\n");

        QuireDefaults defaults = QuireDefaults.load(Map.of("HOME", home.toString()));
        CommandLine commandLine = commandLine(defaults);

        assertThat(defaults.defaultValue(commandLine.getSubcommands().get("serve").getCommandSpec()
                .findOption("--port"))).isEqualTo("9999");
    }

    @Test
    void aKeyThatIsNoOptionIsRefusedNamingTheFile() throws IOException {
        Path config = Files.writeString(home.resolve("quire.properties"), "port=9999\nsnapshot-evry=10\n");
        QuireDefaults defaults = QuireDefaults.load(Map.of("QUIRE_CONFIG", config.toString()));

        assertThatThrownBy(() -> commandLine(defaults))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the config file " + config + " sets 'snapshot-evry', which is no option");
    }

    @Test
    void aNumberOptionGivenTextIsRefusedNamingTheFileAndKey() throws IOException {
        Path config = Files.writeString(home.resolve("quire.properties"), "snapshot-every=abc\n");
        QuireDefaults defaults = QuireDefaults.load(Map.of("QUIRE_CONFIG", config.toString()));

        assertThatThrownBy(() -> commandLine(defaults))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the config file " + config + " sets snapshot-every=abc, but --snapshot-every takes a"
                        + " whole number");
    }

    @Test
    void optionsAloneOrAfterTheirCommandAreAccepted() throws IOException {
        Path config = Files.writeString(home.resolve("quire.properties"),
                "port=9999\nserve.host=0.0.0.0\ndb=jdbc:postgresql://db/quire\nsnapshot-every=500\n");

        commandLine(QuireDefaults.load(Map.of("QUIRE_CONFIG", config.toString())));
    }

    private static CommandLine commandLine(QuireDefaults defaults) {
        CommandLine commandLine = new CommandLine(new QuireCli()).setDefaultValueProvider(defaults);
        defaults.check(commandLine);
        return commandLine;
    }
}
