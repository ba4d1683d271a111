package dev.berth.planner.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** SHA-256 computed by the system's {@code sha256sum}, a reference independent of the code under test. */
final class Sha256Reference {

    private Sha256Reference() {
    }

    static String of(String text) {
        try {
            Process p = new ProcessBuilder("sha256sum").start();
            p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            try (InputStream in = p.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                p.waitFor();
                return out.toString(StandardCharsets.UTF_8).split(" ")[0];
            }
        } catch (IOException e) {
            throw new IllegalStateException("sha256sum is needed by this test", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
