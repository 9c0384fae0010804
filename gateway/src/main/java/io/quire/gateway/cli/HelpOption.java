package io.quire.gateway.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h, --help} alone, for the commands whose own {@code --version} option rules out picocli's standard help
 * options (which bring {@code -V, --version} too, and were dropped whole, help included).
 */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
