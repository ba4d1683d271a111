package dev.berth.engine.volume;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.layer.Trees;
import dev.berth.engine.lock.LockFile;
import dev.berth.engine.runtime.etc.LayeredRootfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Named volumes of the {@code local} driver under {@code <dataRoot>/volumes/<name>/}: the content
 * in {@code _data}, the metadata in {@code volume.json}, written atomically (temp file + rename)
 * so a crash never leaves half a record: a volume exists once its {@code volume.json} does.
 *
 * <p>Safe for concurrent use by threads and by processes on one data root: creation, removal and
 * copy-up hold the lock {@code volumes/.lock}, so one name is one volume and a new volume is filled
 * from the image once. A copy-up is staged beside {@code _data} and moved in only when complete; what
 * a killed process left half-done is finished or removed by {@link #sweep()} and by the next copy-up.
 */
public final class VolumeStore {

    /** Driver options Docker's local driver accepts. */
    private static final Set<String> LOCAL_OPTIONS = Set.of("type", "device", "o", "size");
    private static final String METADATA = "volume.json";
    /** A copy-up in progress; removed if its process dies before it is complete. */
    private static final String COPYING = ".copying";
    /** A complete copy-up whose entries are being moved into {@code _data}; finished if interrupted. */
    private static final String COPIED = ".copied";
    private static final String REMOVING = ".removing-";

    private final Path volumesDir;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final LockFile lock;

    /** A store under {@code dataRoot}, such as {@code /var/lib/berth}. */
    public VolumeStore(Path dataRoot) {
        this(dataRoot, Clock.systemUTC());
    }

    public VolumeStore(Path dataRoot, Clock clock) {
        this.volumesDir = dataRoot.resolve("volumes");
        this.clock = clock;
        this.lock = new LockFile(volumesDir.resolve(".lock"));
    }

    /**
     * Creates the named volume, or returns the existing one of that name unchanged, as Docker
     * does.
     *
     * @throws VolumeException for an invalid name or an option the local driver does not know
     */
    public VolumeRecord create(String name, Map<String, String> labels, Map<String, String> options) {
        VolumeNames.requireValid(name);
        for (String key : options.keySet()) {
            if (!LOCAL_OPTIONS.contains(key)) {
                throw new VolumeException("create " + name + ": invalid option key: \"" + key + "\"");
            }
        }
        Path dir = volumesDir.resolve(name);
        return locked("create volume " + name + " in " + dir, () -> {
            Optional<VolumeRecord> existing = find(name);
            if (existing.isPresent()) {
                return existing.get();
            }
            VolumeRecord record = new VolumeRecord(name, VolumeRecord.LOCAL_DRIVER, labels, options,
                    clock.instant(), mountpoint(name));
            setMode(volumesDir, "rwx-----x");
            // A folder left by a process killed before it wrote volume.json is no volume: start afresh.
            Trees.deleteRecursively(dir);
            Files.createDirectories(record.mountpoint());
            setMode(record.mountpoint(), "rwxr-xr-x");
            writeAtomically(dir.resolve(METADATA), json.writeValueAsBytes(StoredVolume.of(record)));
            return record;
        });
    }

    /** Creates a volume with a random 64-hex name and the anonymous label, for a {@code -v /dst}. */
    public VolumeRecord createAnonymous(Map<String, String> labels) {
        return createAnonymous(VolumeNames.anonymous(), labels);
    }

    /** Creates an anonymous volume under a name chosen beforehand with {@link VolumeNames#anonymous()}. */
    public VolumeRecord createAnonymous(String name, Map<String, String> labels) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(VolumeRecord.ANONYMOUS_LABEL, "");
        return create(name, all, Map.of());
    }

    /**
     * The volume called {@code name}.
     *
     * @throws NoSuchVolumeException {@code get NAME: no such volume}
     */
    public VolumeRecord inspect(String name) {
        return find(name).orElseThrow(() -> new NoSuchVolumeException("get", name));
    }

    /** The folder a volume of that name holds its content in, whether or not it exists. */
    public Path mountpoint(String name) {
        return volumesDir.resolve(name).resolve("_data");
    }

    /** The volume called {@code name}, if it exists (a volume whose metadata is not written yet does not). */
    public Optional<VolumeRecord> find(String name) {
        if (name == null || name.contains("/") || name.startsWith(".")) {
            return Optional.empty();
        }
        Path metadata = volumesDir.resolve(name).resolve(METADATA);
        if (!Files.isRegularFile(metadata)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(metadata.toFile(), StoredVolume.class)
                    .toRecord(mountpoint(name)));
        } catch (IOException e) {
            throw new VolumeException("read volume " + name + ": " + metadata + ": " + e.getMessage(), e);
        }
    }

    /** The volumes that match {@code filter}, sorted by name. */
    public List<VolumeRecord> list(VolumeFilter filter) {
        if (!Files.isDirectory(volumesDir)) {
            return List.of();
        }
        List<VolumeRecord> volumes = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(volumesDir)) {
            for (Path dir : dirs.sorted().toList()) {
                find(dir.getFileName().toString()).filter(filter::matches).ifPresent(volumes::add);
            }
        } catch (IOException e) {
            throw new VolumeException("list volumes in " + volumesDir + ": " + e.getMessage(), e);
        }
        return volumes;
    }

    /**
     * Removes the volume and its content.
     *
     * @throws NoSuchVolumeException {@code get NAME: no such volume}
     * @throws VolumeInUseException  {@code remove NAME: volume is in use - [ID, …]}
     */
    public void remove(String name, VolumeUsage usage) {
        locked("remove " + name, () -> {
            inspect(name);
            List<String> users = usage.containersUsing(name);
            if (!users.isEmpty()) {
                throw new VolumeInUseException(name, users);
            }
            Path dir = volumesDir.resolve(name);
            // Renamed first, so a crash halfway leaves no half-deleted volume under its name.
            Path doomed = volumesDir.resolve(REMOVING + name + "-" + UUID.randomUUID());
            Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
            Trees.deleteRecursively(doomed);
            return null;
        });
    }

    /**
     * Cleans up after processes killed while changing volumes: removes what a removal left,
     * folders of volumes whose creation never finished, and unfinished copy-ups; finishes a copy-up
     * that was complete but not yet moved into its volume.
     */
    public void sweep() {
        if (!Files.isDirectory(volumesDir)) {
            return;
        }
        locked("clean up the volumes in " + volumesDir, () -> {
            try (Stream<Path> dirs = Files.list(volumesDir)) {
                for (Path dir : dirs.sorted().toList()) {
                    String name = dir.getFileName().toString();
                    if (name.startsWith(REMOVING)) {
                        Trees.deleteRecursively(dir);
                    } else if (!name.startsWith(".") && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                        if (Files.isRegularFile(dir.resolve(METADATA))) {
                            finishCopyUp(dir);
                        } else {
                            Trees.deleteRecursively(dir);
                        }
                    }
                }
            }
            return null;
        });
    }

    /**
     * Fills an empty volume from a host directory, as Docker does on the first mount of a new
     * volume: the content is copied with modes, owners, symlinks, hardlinks, special files and
     * times, and the volume's root takes the owner and mode of {@code source}.
     *
     * @param source a directory already resolved inside the container's root filesystem; a
     *               symlink here is not followed
     * @return true if content was copied; false if the volume was not empty or {@code source} is
     * not a directory
     */
    public boolean copyUpIfEmpty(VolumeRecord volume, Path source) {
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        return copyUp(volume, SourceTree.of(source), source.toString());
    }

    /**
     * Fills an empty volume from the image's content at {@code containerPath}, read through the
     * image's layers (whiteouts honoured, symlinks followed inside the image), without mounting.
     *
     * @return true if content was copied; false if the volume was not empty or the image has no
     * directory there
     */
    public boolean copyUpIfEmpty(VolumeRecord volume, LayeredRootfs image, String containerPath) {
        Optional<String> real = image.realPath(containerPath);
        if (real.isEmpty() || image.entry(real.get()).filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).isEmpty()) {
            return false;
        }
        return copyUp(volume, SourceTree.of(image, real.get()), "image path " + containerPath);
    }

    private boolean copyUp(VolumeRecord volume, SourceTree source, String description) {
        Path data = volume.mountpoint();
        Path dir = data.getParent();
        return locked("copy image content " + description + " into volume " + volume.name(), () -> {
            finishCopyUp(dir);
            try (Stream<Path> entries = Files.list(data)) {
                if (entries.findAny().isPresent()) {
                    return false;
                }
            }
            Path staging = dir.resolve(COPYING);
            Files.createDirectory(staging);
            TreeCopier.copyContents(source, staging);
            // The commit point: from here on the copy is complete and is finished, never dropped.
            Files.move(staging, dir.resolve(COPIED), StandardCopyOption.ATOMIC_MOVE);
            finishCopyUp(dir);
            return true;
        });
    }

    /**
     * Drops an unfinished copy-up of the volume in {@code dir} and moves a complete one into
     * {@code _data}, entry by entry (each move atomic), then gives {@code _data} the owner, mode and
     * times of the copied root. Moving entries rather than the whole folder keeps {@code _data}
     * the folder that containers already mount.
     */
    private static void finishCopyUp(Path dir) throws IOException {
        Trees.deleteRecursively(dir.resolve(COPYING));
        Path copied = dir.resolve(COPIED);
        if (!Files.isDirectory(copied, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path data = dir.resolve("_data");
        Map<String, Object> root = Files.readAttributes(copied, "unix:*", LinkOption.NOFOLLOW_LINKS);
        try (Stream<Path> entries = Files.list(copied)) {
            for (Path entry : entries.toList()) {
                Files.move(entry, data.resolve(entry.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.setAttribute(data, "unix:uid", root.get("uid"), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(data, "unix:gid", root.get("gid"), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(data, "unix:mode", (Integer) root.get("mode") & 07777, LinkOption.NOFOLLOW_LINKS);
        Files.getFileAttributeView(data, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes((FileTime) root.get("lastModifiedTime"), (FileTime) root.get("lastAccessTime"), null);
        Files.delete(copied);
    }

    /** What runs under the store's lock; its I/O errors become a {@link VolumeException}. */
    private interface Locked<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code action} under the lock of the volumes folder, held across processes.
     *
     * @param what what is being done, to prefix an I/O error's message
     */
    private <T> T locked(String what, Locked<T> action) {
        try {
            return lock.holding(() -> {
                try {
                    return action.run();
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            });
        } catch (IOException e) {
            throw new VolumeException(what + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the filesystem of " + target + " cannot rename atomically", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void setMode(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    /** volume.json as written on disk; the mount point follows from where the file lies. */
    record StoredVolume(String name, String driver, Map<String, String> labels,
                        Map<String, String> options, String createdAt) {

        static StoredVolume of(VolumeRecord record) {
            return new StoredVolume(record.name(), record.driver(), record.labels(), record.options(),
                    record.createdAt().toString());
        }

        VolumeRecord toRecord(Path mountpoint) {
            return new VolumeRecord(name, driver, labels == null ? Map.of() : labels,
                    options == null ? Map.of() : options, Instant.parse(createdAt), mountpoint);
        }
    }
}
