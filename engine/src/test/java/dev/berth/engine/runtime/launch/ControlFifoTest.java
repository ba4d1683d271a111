package dev.berth.engine.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frames the engine writes to a launcher's control FIFO (read here from a plain file). */
class ControlFifoTest {

    @TempDir
    Path folder;

    private byte[] written(ThrowingWrite write) throws IOException {
        Path file = Files.createFile(folder.resolve("control"));
        try (ControlFifo fifo = ControlFifo.open(file)) {
            write.to(fifo);
        }
        return Files.readAllBytes(file);
    }

    @FunctionalInterface
    private interface ThrowingWrite {
        void to(ControlFifo fifo) throws IOException;
    }

    @Test
    void stdinBytes_closeAndResize_areTypedFramesWithABigEndianLength() throws IOException {
        byte[] bytes = written(fifo -> {
            fifo.stdin("hi\n".getBytes(), 0, 3);
            fifo.resize(30, 300);
            fifo.closeStdin();
        });
        assertThat(bytes).containsExactly('d', 0, 3, 'h', 'i', '\n', 'r', 0, 4, 0, 30, 1, 44, 'c', 0, 0);
    }

    @Test
    void stdinLongerThanOneFrame_isSplitSoThatEachFrameFitsOneAtomicFifoWrite() throws IOException {
        byte[] input = new byte[ControlFifo.PIPE_BUF * 2];
        Arrays.fill(input, (byte) 'x');
        byte[] bytes = written(fifo -> fifo.stdin(input, 0, input.length));
        int at = 0;
        int payload = 0;
        while (at < bytes.length) {
            assertThat(bytes[at]).isEqualTo((byte) 'd');
            int len = (bytes[at + 1] & 0xff) << 8 | bytes[at + 2] & 0xff;
            assertThat(3 + len).isLessThanOrEqualTo(ControlFifo.PIPE_BUF);
            payload += len;
            at += 3 + len;
        }
        assertThat(payload).isEqualTo(input.length);
        assertThat(at).isEqualTo(bytes.length);
    }
}
