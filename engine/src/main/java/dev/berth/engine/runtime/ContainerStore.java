package dev.berth.engine.runtime;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.EngineException;
import dev.berth.engine.layer.Trees;
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
 * {@link CreateOptions}), {@code state.json} ({@link ContainerState}), {@code exit.json} (written by
 * the monitor), {@code <id>-json.log[.N]}, and {@code rootfs/}, {@code upper/}, {@code work/} for
 * the overlay. Every JSON file is written atomically (temp file + rename).
 */
final class ContainerStore {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Mount.Bind.class, name = "bind"),
            @JsonSubTypes.Type(value = Mount.Tmpfs.class, name = "tmpfs")})
    private interface MountMixin {
    }

    private final Path root;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .addMixIn(Mount.class, MountMixin.class);

    ContainerStore(Path dataRoot) {
        this.root = dataRoot.resolve("containers");
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

    Path logFile(String id) {
        return dir(id).resolve(id + "-json.log");
    }

    /** Makes the folder of a new container and records its options and first state. */
    void create(ContainerState state, CreateOptions options) {
        String id = state.id();
        try {
            Files.createDirectory(dir(id));
            Files.createDirectory(rootfs(id));
            Files.createDirectory(upper(id));
            Files.createDirectory(work(id));
        } catch (IOException e) {
            throw new EngineException("cannot create the folder of container " + id + ": " + e.getMessage(), e);
        }
        writeJson(dir(id).resolve("config.json"), options);
        save(state);
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
                readJson(d.resolve("state.json"), ContainerState.class).ifPresent(all::add);
            }
        } catch (IOException e) {
            throw new EngineException("cannot list containers in " + root + ": " + e.getMessage(), e);
        }
        return all;
    }

    void delete(String id) {
        try {
            Trees.deleteRecursively(dir(id));
        } catch (IOException e) {
            throw new EngineException("cannot remove the folder of container " + id + ": " + e.getMessage(), e);
        }
    }

    private void writeJson(Path file, Object value) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
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
