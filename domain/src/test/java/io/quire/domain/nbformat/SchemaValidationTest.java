package io.quire.domain.nbformat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quire.domain.nbformat.Samples.Sample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every export validates against nbformat's 4.5 JSON schema, read from Debian's python3-nbformat package rather
 * than copied here, so that the test follows the schema nbformat ships.
 */
class SchemaValidationTest {

    private static Schema schema;

    static Stream<Sample> samples() {
        return Samples.all();
    }

    @BeforeAll
    static void loadSchema() throws IOException {
        // nbformat's schema keeps shared pieces under "definitions/misc", which the validator reads as unknown
        // keywords and warns about, once per piece: nothing is wrong, so only errors are logged.
        System.setProperty("org.slf4j.simpleLogger.log.com.networknt.schema", "error");
        Prerequisites.requireSchema();
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.readString(Prerequisites.SCHEMA_4_5, UTF_8), InputFormat.JSON);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void exportIsValidNbformat45(Sample sample) {
        byte[] export = new NotebookWriter().write(new NotebookReader().read(sample.bytes(), sample.name()));

        assertThat(errors(export)).isEmpty();
    }

    @Test
    void exportOfALaterMinorVersionIsValidNbformat45() {
        String fromTheFuture = """
                {"nbformat": 4, "nbformat_minor": 7, "metadata": {}, "future_key": 1,
                 "cells": [{"id": "a", "cell_type": "code", "metadata": {}, "source": "1", "execution_count": 1,
                            "outputs": [{"output_type": "stream", "name": "stdout", "text": "1", "future": true}],
                            "future_cell_key": "x"}]}
                """;

        byte[] export = new NotebookWriter().write(new NotebookReader().read(fromTheFuture.getBytes(UTF_8), null));

        assertThat(errors(export)).isEmpty();
    }

    @Test
    void schemaRejectsWhatTheReaderRefuses() {
        // Guards the test itself: a validator that accepted anything would make the tests above pass vacuously.
        String withoutIds = """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                 "cells": [{"cell_type": "markdown", "metadata": {}, "source": "x"}]}
                """;

        assertThat(errors(withoutIds.getBytes(UTF_8))).isNotEmpty();
    }

    private static List<Error> errors(byte[] notebook) {
        return schema.validate(new String(notebook, UTF_8), InputFormat.JSON);
    }
}
