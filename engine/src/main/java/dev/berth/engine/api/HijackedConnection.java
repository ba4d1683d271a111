package dev.berth.engine.api;

import java.io.InputStream;
import java.io.OutputStream;

/** A connection taken over from HTTP: a raw byte stream both ways. */
public interface HijackedConnection {

    /**
     * The bytes the client sends after its request, including any that came in the same packet
     * as the request head; end of stream when the client half-closes or disconnects.
     */
    InputStream input();

    /** Bytes to the client; each {@code write} is flushed before it returns. */
    OutputStream output();

    /** True while the client has not disconnected. */
    boolean isOpen();
}
