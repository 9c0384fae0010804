package io.quire.domain.store;

import java.nio.file.Path;

/**
 * A second Quire process, for tests: opens the embedded event database in the directory given as its argument,
 * prints {@value #READY}, and keeps it open until its standard input is closed.
 */
public final class HoldEventDatabase {

    static final String READY = "open";

    private HoldEventDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (EventDatabase database = EventDatabase.openDirectory(Path.of(args[0]))) {
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // Reads until the parent closes our standard input.
            }
        }
    }
}
