package dev.berth.engine.layer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.github.luben.zstd.ZstdInputStream;

import dev.berth.engine.core.EngineException;

/**
 * How a layer blob is compressed, found from its first bytes ({@code 1f 8b} gzip,
 * {@code 28 b5 2f fd} zstd, anything else an uncompressed tar) and checked against its media type.
 */
public enum LayerCompression {
    NONE, GZIP, ZSTD;

    /**
     * Opens {@code blob} as an uncompressed tar stream.
     *
     * @param mediaType the declared media type, or null when unknown (e.g. {@code docker save} layers)
     * @param what names the layer in errors
     * @return the uncompressed bytes; a compressed stream that cannot be read (truncated, corrupt)
     *     throws an {@link EngineException} naming {@code what} from its reads ({@link NamedInput});
     *     bytes after the last gzip member are ignored ({@link GzipMembers})
     * @throws EngineException when the media type promises a compression the bytes do not have, or
     *     the compressed stream's header cannot be read
     */
    public static InputStream decompress(InputStream blob, String mediaType, String what) throws IOException {
        BufferedInputStream in = new BufferedInputStream(blob, 65536);
        LayerCompression actual = sniff(in);
        LayerCompression declared = declared(mediaType);
        if (declared != null && declared != NONE && declared != actual) {
            throw new EngineException(what + ": media type " + mediaType + " says " + declared.name().toLowerCase(
                    java.util.Locale.ROOT) + " but the content is " + actual.name().toLowerCase(java.util.Locale.ROOT));
        }
        String format = actual.name().toLowerCase(java.util.Locale.ROOT) + " data";
        try {
            return switch (actual) {
                case NONE -> in;
                case GZIP -> new NamedInput(new GzipMembers(in), what, format);
                case ZSTD -> new NamedInput(new ZstdInputStream(in), what, format);
            };
        } catch (IOException e) {
            throw NamedInput.unreadable(what, format, e);
        }
    }

    /** The compression a media type declares, or null when it declares none we know. */
    static LayerCompression declared(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        if (mediaType.endsWith("+gzip") || mediaType.endsWith(".tar.gzip")) {
            return GZIP;
        }
        if (mediaType.endsWith("+zstd")) {
            return ZSTD;
        }
        return mediaType.endsWith(".tar") ? NONE : null;
    }

    private static LayerCompression sniff(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }
}
