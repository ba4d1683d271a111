package dev.berth.engine.api;

import java.io.IOException;

/** What runs on a hijacked connection; it runs on its own virtual thread once the answer's head is sent. */
@FunctionalInterface
public interface HijackSession {

    /**
     * Uses the raw connection and returns when done; the server then closes the connection.
     * The client's bytes (stdin) arrive on {@link HijackedConnection#input()}; its half-close
     * shows there as end of stream, while the output side stays open.
     */
    void run(HijackedConnection connection) throws IOException;
}
