package io.quire.gateway.kernels;

import java.util.Optional;

/** Which notebook a kernel runs for: the path of the notebook session it belongs to, if any. */
@FunctionalInterface
public interface NotebookBinding {

    NotebookBinding NONE = kernelId -> Optional.empty();

    /** The notebook path of {@code kernelId}'s notebook session; called on Vert.x event loops, so in memory only. */
    Optional<String> notebookPath(String kernelId);
}
