package io.quire.gateway.cli;

import picocli.CommandLine;

/** The version printed by {@code quire --version}: the jar's implementation version. */
final class QuireVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = QuireCli.class.getPackage().getImplementationVersion();
        return new String[]{"quire " + (version == null ? "(development build)" : version)};
    }
}
