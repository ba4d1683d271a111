package dev.berth.engine.runtime;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.berth.engine.core.EngineException;
import dev.berth.engine.layer.Trees;
import dev.berth.engine.lock.LockFile;
import dev.berth.engine.runtime.launch.Mount;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The containers' folders under {@code <dataRoot>/containers/<id>/}: {@code config.json} (the
 * {@link CreateOptions}), {@code state.json} ({@link ContainerState}), {@code reservation.json}
 * ({@link Reservation}), {@code exit.json} (written by the monitor), {@code <id>-json.log[.N]}, and
 * {@code rootfs/}, {@code upper/}, {@code work/} for the overlay. Every JSON file is written
 * atomically (temp file + rename).
 *
 * <p>A container's folder appears whole: it is built as {@code .creating-<id>/} and renamed into
 * place, and it leaves by a rename to {@code .removing-<id>/} before it is deleted. Folders whose
 * name starts with a dot are never containers. Names are reserved and folders renamed under the lock
 * {@code containers/.lock}, held across processes.
 */
final class ContainerStore {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Mount.Bind.class, name = "bind"),
            @JsonSubTypes.Type(value = Mount.Tmpfs.class, name = "tmpfs")})
    private interface MountMixin {
    }

    private static final String CREATING = ".creating-";
    private static final String REMOVING = ".removing-";
    private static final String RESERVATION = "reservation.json";

    private final Path root;
    private final LockFile lock;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .addMixIn(Mount.class, MountMixin.class)
            .registerModule(new JavaTimeModule());

    ContainerStore(Path dataRoot) {
        this.root = dataRoot.resolve("containers");
        this.lock = new LockFile(root.resolve(".lock"));
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new EngineException("cannot create the container folder " + root + ": " + e.getMessage(), e);
        }
    }

    Path dir(String id) {
        return root.resolve(id);
    }

    Path rootfs(String id) {
        return dir(id).resolve("rootfs");
    }

    Path upper(String id) {
        return dir(id).resolve("upper");
    }

    Path work(String id) {
        return dir(id).resolve("work");
    }

    /** The FIFO the monitor of a container with a TTY or an open stdin reads (see {@code ControlFifo}). */
    Path controlFifo(String id) {
        return dir(id).resolve("control");
    }

    Path logFile(String id) {
        return dir(id).resolve(id + "-json.log");
    }

    /** What runs under the store's lock. */
    interface Locked<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code action} under the containers' lock, held across processes.
     *
     * @param what what is being done, to prefix an I/O error's message
     */
    <T> T locked(String what, Locked<T> action) {
        try {
            return lock.holding(action::run);
        } catch (IOException e) {
            throw new EngineException(what + ": " + e.getMessage(), e);
        }
    }

    /** The folder of a container being created. */
    Path creating(String id) {
        return root.resolve(CREATING + id);
    }

    /** Makes the folder of a reservation (call under the lock). */
    void reserve(Reservation reservation) throws IOException {
        Files.createDirectory(creating(reservation.id()));
        writeJson(creating(reservation.id()).resolve(RESERVATION), reservation);
    }

    /** Records a reservation's new volumes, before they are made. */
    void update(Reservation reservation) {
        writeJson(creating(reservation.id()).resolve(RESERVATION), reservation);
    }

    /**
     * Completes the folder of a reservation and renames it into place (call under the lock): from
     * the rename on the container is listed, with its options and first state.
     */
    void commit(Reservation reservation, ContainerState state, CreateOptions options) throws IOException {
        Path dir = creating(reservation.id());
        Files.createDirectory(dir.resolve("rootfs"));
        Files.createDirectory(dir.resolve("upper"));
        Files.createDirectory(dir.resolve("work"));
        writeJson(dir.resolve("config.json"), options);
        writeJson(dir.resolve("state.json"), state);
        Files.move(dir, dir(reservation.id()), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the folder of a reservation that will not become a container. */
    void abandon(String id) throws IOException {
        Trees.deleteRecursively(creating(id));
    }

    /** The reservations in progress or abandoned; a folder without its record yet is given as null name. */
    List<Reservation> reservations() throws IOException {
        List<Reservation> all = new ArrayList<>();
        for (Path d : folders(CREATING)) {
            String id = d.getFileName().toString().substring(CREATING.length());
            all.add(readJson(d.resolve(RESERVATION), Reservation.class)
                    .orElse(new Reservation(id, null, 0, 0, List.of(), List.of())));
        }
        return all;
    }

    /** The reservation record of a committed container, if it has one. */
    Optional<Reservation> reservation(String id) {
        return readJson(dir(id).resolve(RESERVATION), Reservation.class);
    }

    /** Deletes what removals killed halfway left behind (call under the lock). */
    void deleteRemoved() throws IOException {
        for (Path d : folders(REMOVING)) {
            Trees.deleteRecursively(d);
        }
    }

    /** The state of one container, empty when there is no such container. */
    Optional<ContainerState> state(String id) {
        if (id.isEmpty() || id.startsWith(".") || id.contains("/")) {
            return Optional.empty();
        }
        return readJson(dir(id).resolve("state.json"), ContainerState.class);
    }

    void save(ContainerState state) {
        writeJson(dir(state.id()).resolve("state.json"), state);
    }

    CreateOptions config(String id) {
        return readJson(dir(id).resolve("config.json"), CreateOptions.class)
                .orElseThrow(() -> new EngineException("container " + id + " has no config.json in " + dir(id)));
    }

    Optional<ExitRecord> exit(String id) {
        return readJson(dir(id).resolve("exit.json"), ExitRecord.class);
    }

    void clearExit(String id) {
        try {
            Files.deleteIfExists(dir(id).resolve("exit.json"));
        } catch (IOException e) {
            throw new EngineException("cannot clear the old exit status of container " + id + ": " + e.getMessage(), e);
        }
    }

    /** Every container with a readable state, in folder order. */
    List<ContainerState> loadAll() {
        List<ContainerState> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.sorted().toList()) {
                if (!d.getFileName().toString().startsWith(".")) {
                    readJson(d.resolve("state.json"), ContainerState.class).ifPresent(all::add);
                }
            }
        } catch (IOException e) {
            throw new EngineException("cannot list containers in " + root + ": " + e.getMessage(), e);
        }
        return all;
    }

    /**
     * Removes a container's folder: renamed out of the list under the lock first, so that a process
     * killed halfway leaves no half-deleted container, then deleted.
     */
    void delete(String id) {
        Path doomed = root.resolve(REMOVING + id);
        locked("cannot remove the folder of container " + id, () -> {
            try {
                Files.move(dir(id), doomed, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                throw new NoSuchContainerException(id);
            }
            return null;
        });
        try {
            Trees.deleteRecursively(doomed);
        } catch (IOException e) {
            throw new EngineException("cannot remove the folder of container " + id + ": " + e.getMessage(), e);
        }
    }

    private List<Path> folders(String prefix) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private void writeJson(Path file, Object value) {
        // A temp name of its own per writer: two processes may record the same change at once.
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().threadId());
        try {
            Files.write(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new EngineException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private <T> Optional<T> readJson(Path file, Class<T> type) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EngineException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(json.readValue(bytes, type));
        } catch (IOException e) {
            throw new EngineException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
