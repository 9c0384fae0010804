package io.quire.runtime.output;

import java.net.URI;

/** A notebook is already stored where an output notebook was to be written; the stored one was left untouched. */
public class OutputExistsException extends NotebookStorageException {

    private final URI location;

    public OutputExistsException(URI location) {
        super("an output notebook already exists at " + location
                + "; output notebooks are never overwritten: choose another key or name");
        this.location = location;
    }

    /** Where the existing notebook is. */
    public URI location() {
        return location;
    }
}
