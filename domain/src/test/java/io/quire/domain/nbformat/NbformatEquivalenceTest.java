package io.quire.domain.nbformat;

import io.quire.domain.nbformat.Samples.Sample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quire's export of each sample is exactly what nbformat 5.5 writes for the same notebook, and nbformat finds it
 * valid. Needs Debian's python3 with nbformat (see {@link Prerequisites}).
 */
class NbformatEquivalenceTest {

    /**
     * Writes two files with nbformat: the original as nbformat reads it, given the ids Quire assigned (nbformat
     * would give random ones); and Quire's export as nbformat reads and re-writes it.
     */
    private static final String REWRITE = """
            import json, sys, nbformat
            original, ours, from_original, from_ours = sys.argv[1:5]
            with open(ours, encoding="utf-8") as f:
                ids = [cell["id"] for cell in json.load(f)["cells"]]
            nb = nbformat.read(original, as_version=4)
            if len(ids) != len(nb.cells):
                sys.exit("nbformat reads %d cells, Quire %d" % (len(nb.cells), len(ids)))
            nb.nbformat_minor = 5
            for cell, cell_id in zip(nb.cells, ids):
                cell.id = cell_id
            nbformat.write(nb, from_original)
            nbformat.write(nbformat.read(ours, as_version=4), from_ours)
            """;

    /** The export's JSON as written: nbformat.read() and validate() would repair missing or repeated ids first. */
    private static final String VALIDATE = """
            import json, sys
            from nbformat.validator import iter_validate
            with open(sys.argv[1], encoding="utf-8") as f:
                nb = json.load(f)
            errors = [error.message for error in iter_validate(nb)]
            ids = [cell.get("id") for cell in nb["cells"]]
            if len(set(ids)) != len(ids):
                errors.append("repeated cell ids")
            if errors:
                sys.exit("; ".join(errors))
            """;

    @TempDir
    Path temp;

    static Stream<Sample> samples() {
        return Samples.all();
    }

    @BeforeEach
    void requireNbformat() {
        Prerequisites.requireNbformat();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void exportIsByteForByteWhatNbformatWrites(Sample sample) throws IOException {
        Path ours = export(sample);
        Path fromOriginal = temp.resolve("from-original.ipynb");
        Path fromOurs = temp.resolve("from-ours.ipynb");

        Prerequisites.python("-c", REWRITE, sample.path().toString(), ours.toString(), fromOriginal.toString(),
                fromOurs.toString());

        // Compared as text so that a failure shows where the files differ.
        String export = Files.readString(ours, UTF_8);
        assertThat(export).as("the original as nbformat writes it").isEqualTo(Files.readString(fromOriginal, UTF_8));
        assertThat(export).as("our export as nbformat re-writes it").isEqualTo(Files.readString(fromOurs, UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void nbformatFindsTheExportValid(Sample sample) throws IOException {
        Path ours = export(sample);

        // Exits with the schema's errors, failing the test, when the export is not a valid notebook.
        Prerequisites.python("-c", VALIDATE, ours.toString());
    }

    private Path export(Sample sample) throws IOException {
        byte[] export = new NotebookWriter().write(new NotebookReader().read(sample.bytes(), sample.name()));
        return Files.write(temp.resolve("ours.ipynb"), export);
    }
}
