package io.quire.gateway.runs;

import io.quire.domain.CommandRejectedException;
import io.quire.domain.nbformat.NotebookReader;
import io.quire.domain.nbformat.NotebookWriter;
import io.quire.domain.notebook.NotebookContent;
import io.quire.domain.run.RunSource;
import io.quire.gateway.notebook.Notebooks;
import io.quire.projections.versions.Versions;
import io.quire.runtime.output.location.ExternalNotebooks;
import io.quire.runtime.output.location.NotebookLocation;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads the notebook a run executes and pins it: a Quire notebook at an exact version (a number, a version's name,
 * or the latest at request time), or a file (local or S3) by the hash of its content.
 */
final class RunInputs {

    private final Notebooks notebooks;
    private final Versions versions;
    private final ExternalNotebooks external;
    private final NotebookReader reader = new NotebookReader();
    private final NotebookWriter writer = new NotebookWriter();

    RunInputs(Notebooks notebooks, Versions versions, ExternalNotebooks external) {
        this.notebooks = notebooks;
        this.versions = versions;
        this.external = external;
    }

    /**
     * @throws IllegalArgumentException when the location has a bad form
     * @throws CommandRejectedException when the notebook or version does not exist
     */
    SourceNotebook read(String input, Path workingDirectory) {
        NotebookLocation location = NotebookLocation.parse(input, workingDirectory);
        if (location instanceof NotebookLocation.QuireNotebook quire) {
            String notebookId = notebooks.idOf(quire.path());
            long version = quire.version().map(v -> version(quire.path(), notebookId, v))
                    .orElseGet(() -> latest(quire.path()));
            byte[] bytes = notebooks.exportVersion(quire.path(), version);
            return new SourceNotebook(RunSource.notebook(notebookId, quire.path(), version, sha256(bytes)),
                    reader.read(bytes, location.toString()));
        }
        byte[] bytes = external.read(location);
        NotebookContent content = reader.read(bytes, location.toString());
        return new SourceNotebook(RunSource.file(location.toString(), sha256(writer.write(content))), content);
    }

    /** A run's notebook again, for a retry: the same version, or a file whose content has not changed. */
    SourceNotebook reread(RunSource source, Path workingDirectory) {
        if (source.notebookId() != null) {
            byte[] bytes = notebooks.exportVersion(source.location(), source.version());
            return new SourceNotebook(source, reader.read(bytes, source.describe()));
        }
        SourceNotebook now = read(source.location(), workingDirectory);
        if (!now.source().sha256().equals(source.sha256())) {
            throw CommandRejectedException.conflict(source.location() + " has changed since that run (its content"
                    + " hash differs), so the run cannot be repeated exactly; run it anew with quire run");
        }
        return now;
    }

    private long version(String path, String notebookId, String version) {
        if (version.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(version);
        }
        return versions.named(notebookId, version).orElseThrow(() -> CommandRejectedException.notFound(path
                + " has no version named '" + version + "' (quire history " + path + " lists its versions)"));
    }

    private long latest(String path) {
        return notebooks.find(path).orElseThrow(() -> CommandRejectedException.notFound("no notebook at " + path))
                .version();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
