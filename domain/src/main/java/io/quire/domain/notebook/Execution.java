package io.quire.domain.notebook;

/** An execution the kernel has not finished: which cell, and who asked for it. */
record Execution(String cellId, String user) {
}
