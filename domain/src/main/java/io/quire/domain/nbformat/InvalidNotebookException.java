package io.quire.domain.nbformat;

/**
 * An .ipynb document that Quire refuses to read, with what is wrong and where.
 *
 * <p>The message reads {@code "<source>: <location>: <problem>"}, leaving out the parts that are empty, e.g.
 * {@code "nb.ipynb: cells[2].outputs[0]: unknown output_type 'foo'"}: it is meant to be shown to the person who
 * sent the file, as is.
 */
public class InvalidNotebookException extends RuntimeException {

    private final String sourceName;
    private final String location;
    private final String problem;

    /**
     * @param sourceName the name of the document (a file name or path), or null when it has none
     * @param location   where in the document, as a path such as {@code cells[2].source}; empty for the whole
     *                   document
     * @param problem    what is wrong, for a person to act on
     */
    public InvalidNotebookException(String sourceName, String location, String problem) {
        super(message(sourceName, location, problem));
        this.sourceName = sourceName;
        this.location = location == null ? "" : location;
        this.problem = problem;
    }

    /** The name of the document that was refused, or null when it was given none. */
    public String sourceName() {
        return sourceName;
    }

    /** Where in the document the problem is ({@code cells[2].outputs[0]}); empty for the whole document. */
    public String location() {
        return location;
    }

    /** What is wrong, without the source name or location. */
    public String problem() {
        return problem;
    }

    private static String message(String sourceName, String location, String problem) {
        StringBuilder message = new StringBuilder();
        if (sourceName != null && !sourceName.isEmpty()) {
            message.append(sourceName).append(": ");
        }
        if (location != null && !location.isEmpty()) {
            message.append(location).append(": ");
        }
        return message.append(problem).toString();
    }
}
