package dev.berth.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small ustar/PAX writer for tests. Unlike commons-compress it writes names exactly as given
 * (absolute, with "..") and PAX values as raw bytes, so tests can build hostile and binary cases.
 */
public final class TarWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long mtime = 1_700_000_000L;

    public TarWriter mtime(long seconds) {
        this.mtime = seconds;
        return this;
    }

    public TarWriter dir(String name, int mode) {
        return entry(name, '5', mode, 0, 0, "", new byte[0], Map.of(), 0, 0);
    }

    public TarWriter file(String name, String content) {
        return file(name, 0644, content.getBytes(StandardCharsets.UTF_8));
    }

    public TarWriter file(String name, int mode, byte[] content) {
        return entry(name, '0', mode, 0, 0, "", content, Map.of(), 0, 0);
    }

    public TarWriter owned(String name, int mode, long uid, long gid, String content) {
        return entry(name, '0', mode, uid, gid, "", content.getBytes(StandardCharsets.UTF_8), Map.of(), 0, 0);
    }

    public TarWriter symlink(String name, String target) {
        return entry(name, '2', 0777, 0, 0, target, new byte[0], Map.of(), 0, 0);
    }

    public TarWriter hardlink(String name, String target) {
        return entry(name, '1', 0644, 0, 0, target, new byte[0], Map.of(), 0, 0);
    }

    public TarWriter charDevice(String name, int mode, int major, int minor) {
        return entry(name, '3', mode, 0, 0, "", new byte[0], Map.of(), major, minor);
    }

    public TarWriter fifo(String name, int mode) {
        return entry(name, '6', mode, 0, 0, "", new byte[0], Map.of(), 0, 0);
    }

    /** A regular file with PAX {@code SCHILY.xattr.*} records carrying raw values. */
    public TarWriter fileWithXattrs(String name, String content, Map<String, byte[]> xattrs) {
        Map<String, byte[]> pax = new LinkedHashMap<>();
        xattrs.forEach((k, v) -> pax.put("SCHILY.xattr." + k, v));
        return entry(name, '0', 0644, 0, 0, "", content.getBytes(StandardCharsets.UTF_8), pax, 0, 0);
    }

    /** A global PAX header ({@code g}): records meant for every later entry, values as raw bytes. */
    public TarWriter globalPax(Map<String, byte[]> records) {
        byte[] body = paxBody(records);
        writeHeader("GlobalHead.0.0", 'g', 0644, 0, 0, "", body.length, 0, 0);
        writeData(body);
        return this;
    }

    /** A header alone that announces {@code size} bytes of data, none of which follow: a lying header. */
    public TarWriter headerOnly(String name, char type, long size) {
        writeHeader(name, type, 0644, 0, 0, "", size, 0, 0);
        return this;
    }

    /** The archive without its end blocks, cut after {@code length} bytes: a truncated tar. */
    public byte[] truncated(int length) {
        return java.util.Arrays.copyOf(out.toByteArray(), length);
    }

    public TarWriter entry(String name, char type, int mode, long uid, long gid, String link, byte[] data,
            Map<String, byte[]> pax, int major, int minor) {
        Map<String, byte[]> records = new LinkedHashMap<>(pax);
        String headerName = name;
        if (name.getBytes(StandardCharsets.UTF_8).length > 100) {
            records.put("path", name.getBytes(StandardCharsets.UTF_8));
            headerName = "PaxHeaders/long";
        }
        if (!records.isEmpty()) {
            byte[] body = paxBody(records);
            writeHeader("PaxHeaders/" + Math.abs(name.hashCode()), 'x', 0644, 0, 0, "", body.length, 0, 0);
            writeData(body);
        }
        writeHeader(headerName, type, mode, uid, gid, link, data.length, major, minor);
        writeData(data);
        return this;
    }

    /** The archive, with its two zero end blocks. */
    public byte[] toBytes() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.writeBytes(new byte[1024]);
        return copy.toByteArray();
    }

    public void writeTo(OutputStream target) throws IOException {
        target.write(toBytes());
    }

    private static byte[] paxBody(Map<String, byte[]> records) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> r : records.entrySet()) {
            byte[] key = r.getKey().getBytes(StandardCharsets.UTF_8);
            int rest = 1 + key.length + 1 + r.getValue().length + 1;
            int len = rest + String.valueOf(rest).length();
            if (String.valueOf(len).length() != String.valueOf(rest).length()) {
                len++;
            }
            body.writeBytes((len + " ").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(key);
            body.write('=');
            body.writeBytes(r.getValue());
            body.write('\n');
        }
        return body.toByteArray();
    }

    private void writeHeader(String name, char type, int mode, long uid, long gid, String link, long size,
            int major, int minor) {
        byte[] h = new byte[512];
        put(h, 0, 100, name.getBytes(StandardCharsets.UTF_8));
        octal(h, 100, 8, mode);
        octal(h, 108, 8, uid);
        octal(h, 116, 8, gid);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = (byte) type;
        put(h, 157, 100, link.getBytes(StandardCharsets.UTF_8));
        put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        octal(h, 329, 8, major);
        octal(h, 337, 8, minor);
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        byte[] chk = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(chk, 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
        out.writeBytes(h);
    }

    private void writeData(byte[] data) {
        out.writeBytes(data);
        int pad = (512 - data.length % 512) % 512;
        out.writeBytes(new byte[pad]);
    }

    private static void put(byte[] h, int off, int len, byte[] value) {
        if (value.length > len) {
            throw new IllegalArgumentException("field too long: " + new String(value, StandardCharsets.UTF_8));
        }
        System.arraycopy(value, 0, h, off, value.length);
    }

    private static void octal(byte[] h, int off, int len, long value) {
        String s = String.format("%0" + (len - 1) + "o", value);
        put(h, off, len - 1, s.getBytes(StandardCharsets.US_ASCII));
    }
}
