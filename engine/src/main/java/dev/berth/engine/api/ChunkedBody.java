package dev.berth.engine.api;

import java.io.IOException;

/** The producer of a streamed body; it runs on its own virtual thread after the headers are sent. */
@FunctionalInterface
public interface ChunkedBody {

    /**
     * Writes the body through {@code sink} and returns when it is complete; the server then ends
     * the chunked body. An {@link IOException} from the sink means the client went away: stop.
     */
    void writeTo(ChunkSink sink) throws IOException;
}
