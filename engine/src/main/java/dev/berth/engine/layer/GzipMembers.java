package dev.berth.engine.layer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The uncompressed bytes of one or more concatenated gzip members (as {@code pigz} and
 * {@code cat a.gz b.gz} make them). Bytes after the last member that do not start another member
 * are left unread, as {@code gunzip} leaves trailing garbage: Docker stops reading an image
 * archive at the tar end and discards what follows a layer, so such bytes never fail a load there.
 */
final class GzipMembers extends InputStream {

    private final BufferedInputStream in;
    private InputStream member;
    private boolean ended;

    /** @param in positioned at the first member's magic bytes */
    GzipMembers(BufferedInputStream in) throws IOException {
        this.in = in;
        this.member = open();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            int n = member.read(b, off, len);
            if (n >= 0) {
                return n;
            }
            if (startsMember()) {
                member = open();
            } else {
                ended = true;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean startsMember() throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    /** One member; it reads from {@code in} (which supports mark) exactly the member's bytes. */
    private InputStream open() throws IOException {
        return GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(false).get();
    }
}
