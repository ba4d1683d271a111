package dev.berth.engine.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies between a hijacked connection and a process's pipes. */
final class Pumps {

    private Pumps() {
    }

    /**
     * Copies the client's bytes to a process's stdin until the client half-closes (or goes), then
     * closes the stdin: the process reads end of file while its output goes on.
     */
    static void toProcess(InputStream client, OutputStream stdin) {
        byte[] buffer = new byte[8192];
        try (stdin) {
            for (int n; (n = client.read(buffer)) >= 0; ) {
                stdin.write(buffer, 0, n);
                stdin.flush();
            }
        } catch (IOException processGone) {
            // the process has ended (or closed its stdin): the client's remaining bytes have no reader
        }
    }

    /**
     * Copies a process's output to the client as {@code stream} until the process closes it; when
     * not {@code attached}, or once the client has gone, the output is read and dropped so that
     * the process never blocks on a full pipe.
     */
    static void fromProcess(InputStream output, StdStream out, int stream, boolean attached) {
        byte[] buffer = new byte[32 * 1024];
        try (output) {
            for (int n; (n = output.read(buffer)) >= 0; ) {
                if (attached) {
                    out.write(stream, buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the pipe from the launcher broke: the launcher has gone, and its exit is recorded apart
        }
    }
}
