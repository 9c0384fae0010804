package io.quire.kernel.message;

/**
 * A request to clear the cell's outputs ({@code clear_output}).
 *
 * @param waitForNext the wire's {@code wait}: clear only when the next output arrives (avoids flicker in
 *                    animations); renamed because a record component cannot be called {@code wait}
 */
public record ClearOutput(boolean waitForNext) implements Output {
}
