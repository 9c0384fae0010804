package io.quire.kernel.message;

/**
 * Text written to stdout or stderr ({@code stream}).
 *
 * @param name {@code stdout} or {@code stderr}
 * @param text the text, possibly a fragment of a line
 */
public record StreamOutput(String name, String text) implements Output {
}
