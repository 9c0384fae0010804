package io.quire.bench.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The notebook: three code cells, the first tagged {@code parameters} ({@code n = 1}), one computing with
 * {@code n}, one printing. Both contenders run this same file with {@code n = 20} injected papermill's way.
 */
final class RunNotebook {

    /** The parameter both contenders inject, and its value. */
    static final String PARAMETER = "n";
    static final int VALUE = 20;

    /** What the printing cell prints for {@link #VALUE}: the proof that the parameter reached the kernel. */
    static final String EXPECTED_OUTPUT = "n=20 total=2470";

    private static final String JSON = """
            {
             "cells": [
              {"cell_type": "code", "execution_count": null, "id": "parameters", "metadata": {"tags": ["parameters"]},
               "outputs": [], "source": "n = 1"},
              {"cell_type": "code", "execution_count": null, "id": "compute", "metadata": {}, "outputs": [],
               "source": "total = sum(i * i for i in range(n))"},
              {"cell_type": "code", "execution_count": null, "id": "show", "metadata": {}, "outputs": [],
               "source": "print(f'n={n} total={total}')"}
             ],
             "metadata": {
              "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
              "language_info": {"name": "python"}
             },
             "nbformat": 4,
             "nbformat_minor": 5
            }
            """;

    private RunNotebook() {
    }

    /** Writes the notebook as {@code directory/params.ipynb}. */
    static Path writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        return Files.writeString(directory.resolve("params.ipynb"), JSON, StandardCharsets.UTF_8);
    }
}
