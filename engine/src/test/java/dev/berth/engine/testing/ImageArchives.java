package dev.berth.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import com.github.luben.zstd.ZstdOutputStream;

/**
 * Builds image archives for tests, in the three forms the image store loads: a legacy
 * {@code docker save} tar, the OCI-in-tar form Docker 25 writes, and a plain OCI layout tar.
 */
public final class ImageArchives {

    /** How a layer blob is compressed in an archive. */
    public enum Compression { NONE, GZIP, ZSTD }

    private ImageArchives() {
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An image config JSON with the given config fields and DiffIDs of the uncompressed layers. */
    public static byte[] config(String configFields, List<byte[]> layers) {
        List<String> diffIds = layers.stream().map(l -> "\"sha256:" + sha256(l) + "\"").toList();
        return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2024-05-06T07:08:09Z\",\"config\":{"
                + configFields + "},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + String.join(",", diffIds)
                + "]}}").getBytes(StandardCharsets.UTF_8);
    }

    /** Legacy {@code docker save} (Docker 24 and older): uncompressed {@code <id>/layer.tar} files. */
    public static byte[] dockerSaveLegacy(String repoTag, byte[] config, List<byte[]> layers) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String configName = sha256(config) + ".json";
        files.put(configName, config);
        List<String> layerPaths = new ArrayList<>();
        String lastId = null;
        for (byte[] layer : layers) {
            String id = sha256((lastId + sha256(layer)).getBytes(StandardCharsets.UTF_8));
            files.put(id + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
            files.put(id + "/json", ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
            files.put(id + "/layer.tar", layer);
            layerPaths.add("\"" + id + "/layer.tar\"");
            lastId = id;
        }
        String[] nameTag = repoTag.split(":");
        files.put("manifest.json", ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"" + repoTag + "\"],\"Layers\":["
                + String.join(",", layerPaths) + "]}]").getBytes(StandardCharsets.UTF_8));
        files.put("repositories", ("{\"" + nameTag[0] + "\":{\"" + nameTag[1] + "\":\"" + lastId + "\"}}")
                .getBytes(StandardCharsets.UTF_8));
        return tar(files);
    }

    /** Docker 25+ {@code docker save}: an OCI layout plus a legacy {@code manifest.json} pointing into it. */
    public static byte[] dockerSaveOci(String fullName, String repoTag, byte[] config, List<byte[]> layers)
            throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] manifest = ociBlobs(files, config, layers, Compression.NONE);
        List<String> layerPaths = layers.stream().map(l -> "\"blobs/sha256/" + sha256(l) + "\"").toList();
        files.put("index.json", index(manifest, Map.of("io.containerd.image.name", fullName,
                "org.opencontainers.image.ref.name", fullName.substring(fullName.lastIndexOf(':') + 1))));
        files.put("manifest.json", ("[{\"Config\":\"blobs/sha256/" + sha256(config) + "\",\"RepoTags\":[\""
                + repoTag + "\"],\"Layers\":[" + String.join(",", layerPaths) + "]}]").getBytes(StandardCharsets.UTF_8));
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        return tar(files);
    }

    /** A plain OCI image layout in a tar, as {@code skopeo copy … oci-archive:} writes it. */
    public static byte[] ociLayout(String refName, byte[] config, List<byte[]> layers, Compression compression)
            throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        byte[] manifest = ociBlobs(files, config, layers, compression);
        files.put("index.json", index(manifest, Map.of("org.opencontainers.image.ref.name", refName)));
        return tar(files);
    }

    /** Writes config, layer and manifest blobs into {@code files} and returns the manifest. */
    private static byte[] ociBlobs(Map<String, byte[]> files, byte[] config, List<byte[]> layers,
            Compression compression) throws IOException {
        files.put("blobs/sha256/" + sha256(config), config);
        List<String> descriptors = new ArrayList<>();
        for (byte[] layer : layers) {
            byte[] blob = compress(layer, compression);
            files.put("blobs/sha256/" + sha256(blob), blob);
            String type = switch (compression) {
                case NONE -> "application/vnd.oci.image.layer.v1.tar";
                case GZIP -> "application/vnd.oci.image.layer.v1.tar+gzip";
                case ZSTD -> "application/vnd.oci.image.layer.v1.tar+zstd";
            };
            descriptors.add("{\"mediaType\":\"" + type + "\",\"digest\":\"sha256:" + sha256(blob) + "\",\"size\":"
                    + blob.length + "}");
        }
        byte[] manifest = ("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\"sha256:" + sha256(config) + "\",\"size\":" + config.length + "},\"layers\":["
                + String.join(",", descriptors) + "]}").getBytes(StandardCharsets.UTF_8);
        files.put("blobs/sha256/" + sha256(manifest), manifest);
        return manifest;
    }

    private static byte[] index(byte[] manifest, Map<String, String> annotations) {
        StringBuilder a = new StringBuilder();
        annotations.forEach((k, v) -> a.append(a.isEmpty() ? "" : ",").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        return ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"digest\":\"sha256:" + sha256(manifest) + "\",\"size\":" + manifest.length + ",\"annotations\":{"
                + a + "}}]}").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] compress(byte[] data, Compression compression) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = switch (compression) {
            case NONE -> bytes;
            case GZIP -> new GzipCompressorOutputStream(bytes);
            case ZSTD -> new ZstdOutputStream(bytes);
        }) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** An outer archive written with commons-compress, folders implied. */
    public static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(f.getKey());
                entry.setSize(f.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
