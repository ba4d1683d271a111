package dev.berth.engine.layer;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.berth.engine.core.EngineException;

/**
 * Watches the bytes of a tar stream as a tar reader consumes them and keeps each entry's PAX
 * {@code SCHILY.xattr.*} values as raw bytes.
 *
 * <p>commons-compress decodes PAX values as UTF-8 text, which corrupts binary attribute values
 * such as {@code security.capability} (images.md §4). This scanner follows the 512-byte block
 * structure itself and records, for the n-th real entry of the archive, the attributes its PAX
 * header carried, so the applier can set the exact bytes.
 *
 * <p>A PAX or GNU long-name record over {@value #MAX_SPECIAL} bytes is refused before the tar reader
 * buffers it, so a hostile header cannot exhaust memory; the image archive reader puts its tar
 * through a scanner for that alone.
 *
 * <p>Global PAX headers ({@code g}) are ignored, as Docker ignores them, except that one setting
 * {@code path}, {@code linkpath} or {@code size} is refused: commons-compress would apply it to every
 * later entry, which would change what the layer means.
 */
public final class PaxXattrScanner extends FilterInputStream {

    private static final String XATTR_PREFIX = "SCHILY.xattr.";
    private static final int BLOCK = 512;
    /** The largest PAX or GNU long-name record read into memory, Go's {@code maxSpecialFileSize}. */
    static final int MAX_SPECIAL = 1 << 20;

    private final List<Map<String, byte[]>> perEntry = new ArrayList<>();
    private final byte[] header = new byte[BLOCK];
    private int headerFill;
    private long dataRemaining;
    private long padRemaining;
    private ByteArrayOutputStream capture;
    private Map<String, byte[]> pendingXattrs = Map.of();
    private long pendingSize = -1;
    private boolean capturingGlobal;
    private final String what;

    /**
     * @param in   the uncompressed tar, read through this scanner by the tar reader
     * @param what names the tar in errors
     */
    public PaxXattrScanner(InputStream in, String what) {
        super(in);
        this.what = what;
    }

    /** The raw extended attributes of the entry with the given 0-based position in the archive. */
    Map<String, byte[]> xattrsOf(int ordinal) {
        return ordinal < perEntry.size() ? perEntry.get(ordinal) : Map.of();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            observe(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            observe(b, off, n);
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be observed too, so read them instead.
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    private void observe(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (dataRemaining > 0) {
                int n = (int) Math.min(dataRemaining, end - i);
                if (capture != null) {
                    capture.write(b, i, n);
                }
                dataRemaining -= n;
                i += n;
                if (dataRemaining == 0) {
                    finishData();
                }
            } else if (padRemaining > 0) {
                int n = (int) Math.min(padRemaining, end - i);
                padRemaining -= n;
                i += n;
            } else {
                int n = Math.min(BLOCK - headerFill, end - i);
                System.arraycopy(b, i, header, headerFill, n);
                headerFill += n;
                i += n;
                if (headerFill == BLOCK) {
                    headerFill = 0;
                    onHeader();
                }
            }
        }
    }

    private void onHeader() {
        if (isZeroBlock()) {
            return;
        }
        char type = (char) header[156];
        long size = parseNumber(124, 12);
        if ((type == 'x' || type == 'X' || type == 'g' || type == 'L' || type == 'K') && size > MAX_SPECIAL) {
            throw new EngineException(what + ": refusing a tar header record of " + size + " bytes (type '" + type
                    + "'); at most " + MAX_SPECIAL + " are read, as Go's archive/tar (Docker's) reads");
        }
        switch (type) {
            case 'x', 'X' -> {
                capture = new ByteArrayOutputStream();
                capturingGlobal = false;
                startData(size);
            }
            case 'g' -> {
                capture = new ByteArrayOutputStream();
                capturingGlobal = true;
                startData(size);
            }
            case 'L', 'K' -> startData(size);
            default -> {
                perEntry.add(pendingXattrs);
                long dataSize = pendingSize >= 0 ? pendingSize : size;
                pendingXattrs = Map.of();
                pendingSize = -1;
                startData(hasData(type) ? dataSize : 0);
            }
        }
    }

    /** Entry types whose size field counts data blocks in the archive (as commons-compress reads them). */
    private static boolean hasData(char type) {
        return type != '1' && type != '2' && type != '3' && type != '4' && type != '5' && type != '6';
    }

    private void startData(long size) {
        dataRemaining = size;
        padRemaining = (BLOCK - size % BLOCK) % BLOCK;
        if (size == 0) {
            finishData();
        }
    }

    private void finishData() {
        if (capture != null) {
            byte[] data = capture.toByteArray();
            capture = null;
            if (capturingGlobal) {
                checkGlobal(data);
            } else {
                parsePax(data);
            }
        }
    }

    private void checkGlobal(byte[] data) {
        for (String key : List.of("path", "linkpath", "size")) {
            if (containsRecord(data, key)) {
                throw new EngineException(what + ": refusing a global PAX header that sets \"" + key
                        + "\" for every later entry; Docker ignores global headers and berth will not guess");
            }
        }
    }

    /** Whether PAX data holds a record {@code "LEN KEY=…"} for {@code key}. */
    private static boolean containsRecord(byte[] data, String key) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith(key + "=", space + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Parses PAX records {@code "LEN KEY=VALUE\n"}, keeping values as bytes. */
    private void parsePax(byte[] data) {
        Map<String, byte[]> xattrs = new LinkedHashMap<>();
        int pos = 0;
        while (pos < data.length) {
            int space = pos;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            if (space >= data.length) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                break;
            }
            int recordEnd = pos + length;
            if (length <= 0 || recordEnd > data.length) {
                break;
            }
            int eq = space + 1;
            while (eq < recordEnd && data[eq] != '=') {
                eq++;
            }
            if (eq < recordEnd) {
                String key = new String(data, space + 1, eq - space - 1, StandardCharsets.UTF_8);
                byte[] value = Arrays.copyOfRange(data, eq + 1, recordEnd - 1);
                if (key.startsWith(XATTR_PREFIX)) {
                    xattrs.put(key.substring(XATTR_PREFIX.length()), value);
                } else if (key.equals("size")) {
                    pendingSize = Long.parseLong(new String(value, StandardCharsets.US_ASCII).trim());
                }
            }
            pos = recordEnd;
        }
        pendingXattrs = xattrs;
    }

    private boolean isZeroBlock() {
        for (byte b : header) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** An octal field, or a base-256 one when its first byte has the high bit set. */
    private long parseNumber(int offset, int length) {
        if ((header[offset] & 0x80) != 0) {
            long value = header[offset] & 0x7f;
            for (int i = 1; i < length; i++) {
                value = (value << 8) | (header[offset + i] & 0xff);
            }
            return value;
        }
        int i = offset;
        int end = offset + length;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        long value = 0;
        while (i < end && header[i] >= '0' && header[i] <= '7') {
            value = value * 8 + (header[i] - '0');
            i++;
        }
        return value;
    }
}
