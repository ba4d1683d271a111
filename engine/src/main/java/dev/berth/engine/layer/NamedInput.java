package dev.berth.engine.layer;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import dev.berth.engine.core.EngineException;

/**
 * An input stream whose read failures are the input's fault, not berth's: each becomes an
 * {@link EngineException} naming the input and what could not be read ({@code image archive
 * x.tar.gz: cannot read it as gzip data: the data ends too early (is the file truncated?)}).
 *
 * <p>Only reads are translated. A caller that copies from this stream to a file still sees the
 * write side's {@link IOException} as it was.
 */
public final class NamedInput extends FilterInputStream {

    private final String what;
    private final String format;

    /**
     * @param what   names the input in errors, such as {@code image archive /tmp/x.tar}
     * @param format what its bytes should be, such as {@code gzip data} or {@code a tar archive}
     */
    public NamedInput(InputStream in, String what, String format) {
        super(in);
        this.what = what;
        this.format = format;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private EngineException unreadable(IOException e) {
        return unreadable(what, format, e);
    }

    /** The error for an input whose {@code format} could not be read because of {@code e}. */
    public static EngineException unreadable(String what, String format, IOException e) {
        if (e instanceof EOFException) {
            return new EngineException(what + ": cannot read it as " + format
                    + ": the data ends too early (is the file truncated?)", e);
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (reason.endsWith(".")) {
            reason = reason.substring(0, reason.length() - 1);
        }
        return new EngineException(what + ": cannot read it as " + format + ": " + reason, e);
    }
}
