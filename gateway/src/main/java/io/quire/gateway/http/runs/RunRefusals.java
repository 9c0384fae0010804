package io.quire.gateway.http.runs;

import io.quire.gateway.http.HttpException;
import io.quire.runtime.output.NotebookStorageException;
import io.quire.runtime.output.OutputExistsException;
import io.quire.runtime.papermill.InvalidParametersException;
import io.quire.runtime.papermill.translator.UnsupportedLanguageException;

import java.util.concurrent.Callable;

/**
 * The runtime's refusals of a run request, as HTTP answers: what the user sent is wrong (400), a place is already
 * taken (409). The gateway's failure handler already maps {@code CommandRejectedException},
 * {@code IllegalArgumentException} and invalid notebooks; these are the run-specific rest, which it would answer 500.
 */
final class RunRefusals {

    private RunRefusals() {
    }

    /** Runs {@code work}, turning a refusal into an {@link HttpException} with the same message. */
    static <T> Callable<T> translated(Callable<T> work) {
        return () -> {
            try {
                return work.call();
            } catch (OutputExistsException e) {
                throw new HttpException(409, e.getMessage());
            } catch (InvalidParametersException | UnsupportedLanguageException e) {
                throw HttpException.badRequest(e.getMessage());
            } catch (NotebookStorageException e) {
                // an input that is not there, a bucket that refuses us: the request names a place we cannot use
                throw HttpException.badRequest(e.getMessage());
            }
        };
    }
}
