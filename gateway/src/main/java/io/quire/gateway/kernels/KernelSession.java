package io.quire.gateway.kernels;

/**
 * A Jupyter session: a document (a notebook, a console, a file) bound to a kernel.
 *
 * @param id       the session id (a UUID)
 * @param path     the document's path, as the contents API names it
 * @param name     a name the client gave it, or null
 * @param type     {@code notebook}, {@code console}, {@code file}...; executions are recorded for {@code notebook}
 * @param kernelId the kernel it runs on
 */
public record KernelSession(String id, String path, String name, String type, String kernelId) {

    /** The session type whose executions are recorded on the notebook at its path. */
    public static final String NOTEBOOK = "notebook";

    public boolean isNotebook() {
        return NOTEBOOK.equals(type);
    }
}
