package dev.berth.engine.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.berth.engine.layer.LayerCompression;

/**
 * Turns a root-filesystem tar into a one-layer image as {@code docker import} does: the layer blob
 * is the tar as given, and the config names the platform, the creation time, the DiffID and a
 * history line, with a {@code config} made only of the {@code --change} instructions given (without
 * them no Env, Cmd or Entrypoint: the runtime supplies the default PATH, and a command must be given
 * when running it).
 */
final class RootfsImporter {

    private final BlobStore blobs;

    RootfsImporter(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * Stores layer, config and manifest blobs and returns the manifest's descriptor.
     *
     * @param message the history comment, or null for Docker's {@code Imported from SOURCE}
     * @param changes Dockerfile instructions for the config ({@link ConfigChanges})
     */
    Descriptor importTar(InputStream tar, String source, String message, List<String> changes) throws IOException {
        Map<String, Object> imageConfig = ConfigChanges.apply(changes);
        Digest layerDigest = blobs.write(tar);
        long layerSize = java.nio.file.Files.size(blobs.path(layerDigest));
        String mediaType;
        Digest diffId;
        try (InputStream blob = blobs.open(layerDigest)) {
            java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(blob);
            buffered.mark(4);
            byte[] magic = buffered.readNBytes(4);
            buffered.reset();
            mediaType = magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b
                    ? MediaTypes.OCI_LAYER_GZIP
                    : magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                            ? MediaTypes.OCI_LAYER_ZSTD : MediaTypes.OCI_LAYER;
            MessageDigest digester = Digest.newDigester();
            try (InputStream in = new DigestInputStream(
                    LayerCompression.decompress(buffered, mediaType, "root filesystem tar " + source), digester)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            diffId = Digest.fromDigester(digester);
        }
        String created = Instant.now().toString();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architecture", Platform.architecture());
        config.put("os", "linux");
        config.put("created", created);
        config.put("config", imageConfig);
        config.put("rootfs", Map.of("type", "layers", "diff_ids", List.of(diffId.toString())));
        config.put("history", List.of(Map.of("created", created, "comment",
                message == null || message.isEmpty() ? "Imported from " + source : message)));
        byte[] configBytes = Json.write(config);
        Digest configDigest = blobs.write(configBytes);
        Manifest manifest = new Manifest(new Descriptor(MediaTypes.OCI_CONFIG, configDigest, configBytes.length),
                List.of(new Descriptor(mediaType, layerDigest, layerSize)));
        byte[] manifestBytes = manifest.toJson();
        Digest manifestDigest = blobs.write(manifestBytes);
        return new Descriptor(MediaTypes.OCI_MANIFEST, manifestDigest, manifestBytes.length);
    }
}
