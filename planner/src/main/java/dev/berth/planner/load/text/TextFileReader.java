package dev.berth.planner.load.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.berth.planner.StackException;

/**
 * Reads the text of a stack file or an env file: at most {@link Kind#maxBytes()} bytes, counted
 * while reading (so an endless stream or a huge file costs no more memory than the limit), decoded
 * as strict UTF-8. Every failure is a {@link StackException} naming the input; a byte that is not
 * UTF-8 is given by line and column.
 */
public final class TextFileReader {

    private static final long MIB = 1024 * 1024;

    /** What is read, with its size limit: far above any real file, low enough to bound memory. */
    public enum Kind {
        STACK_FILE("stack file", "a stack file", 32 * MIB, "split it into several files (several -f, include)"),
        ENV_FILE("env file", "an env file", 32 * MIB, "keep large data in files rather than in variables");

        private final String noun;
        private final String aNoun;
        private final long maxBytes;
        private final String fix;

        Kind(String noun, String aNoun, long maxBytes, String fix) {
            this.noun = noun;
            this.aNoun = aNoun;
            this.maxBytes = maxBytes;
            this.fix = fix;
        }

        /** The most bytes a file of this kind may have. */
        public long maxBytes() {
            return maxBytes;
        }
    }

    private TextFileReader() {
    }

    /** The text of the regular file {@code file}, named by its path in errors. */
    public static String read(Path file, Kind kind) {
        String name = file.toString();
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > kind.maxBytes) {
                throw new StackException(name + ": the file is " + size + " bytes, more than the " + limit(kind)
                        + " " + kind.aNoun + " may have; " + kind.fix);
            }
            bytes = readAtMost(Channels.newInputStream(channel), kind.maxBytes);
        } catch (AccessDeniedException e) {
            throw new StackException(name + ": cannot read the " + kind.noun + ": permission denied", e);
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? e.toString() : e.getReason();
            throw new StackException(name + ": cannot read the " + kind.noun + ": " + reason, e);
        } catch (IOException e) {
            throw new StackException(name + ": cannot read the " + kind.noun + ": " + e.getMessage(), e);
        }
        if (bytes == null) {
            throw new StackException(name + ": the file grew past the " + limit(kind) + " " + kind.aNoun
                    + " may have while it was read; " + kind.fix);
        }
        return decode(name, "the " + kind.noun, bytes);
    }

    /**
     * The text of {@code in} read to its end, {@code name} naming it in errors; reading stops as soon
     * as it passes the limit.
     */
    public static String read(InputStream in, String name, Kind kind) {
        byte[] bytes;
        try {
            bytes = readAtMost(in, kind.maxBytes);
        } catch (IOException e) {
            throw new StackException(name + ": cannot read the " + kind.noun + " from standard input: "
                    + e.getMessage(), e);
        }
        if (bytes == null) {
            throw new StackException(name + ": standard input has more than the " + limit(kind) + " "
                    + kind.aNoun + " may have; " + kind.fix);
        }
        return decode(name, "standard input", bytes);
    }

    /** All of {@code in}, or null when it has more than {@code max} bytes. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) max + 1);
        return bytes.length > max ? null : bytes;
    }

    /** {@code bytes} as UTF-8, or an error at the first byte that is not. */
    private static String decode(String name, String what, byte[] bytes) {
        int bad = firstMalformed(bytes);
        if (bad >= 0) {
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            throw new StackException(TextPositions.at(name, before, before.length()) + ": " + what
                    + " is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[bad] & 0xFF)
                    + "); save it as UTF-8");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The index of the first byte of {@code bytes} that is not part of valid UTF-8, or -1. Decoded
     * through a small buffer, so checking takes no memory in proportion to the text.
     */
    private static int firstMalformed(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return decoder.flush(out).isError() ? in.position() : -1;
            }
            out.clear();
        }
    }

    private static String limit(Kind kind) {
        return kind.maxBytes + " bytes (" + kind.maxBytes / MIB + " MiB)";
    }
}
