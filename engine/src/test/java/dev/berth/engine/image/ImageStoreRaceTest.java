package dev.berth.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.testing.ImageArchives;
import dev.berth.engine.testing.RecordingFileOps;
import dev.berth.engine.testing.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving and removing an image at the same time never leaves a resolved image without its layers. */
class ImageStoreRaceTest {

    @TempDir
    Path dataRoot;

    private final byte[] layer = new TarWriter().dir("bin/", 0755).file("bin/tool", 0755, new byte[] {1}).toBytes();
    private final byte[] config = ImageArchives.config("\"Cmd\":[\"tool\"]", List.of(layer));
    private final CountDownLatch removeInside = new CountDownLatch(1);
    private final CountDownLatch releaseRemove = new CountDownLatch(1);
    private volatile boolean pauseRemove;
    private ImageStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = new ImageStore(dataRoot, new RecordingFileOps(), this::usagePausingRemove);
        store.load(new ByteArrayInputStream(ImageArchives.dockerSaveLegacy("busybox:latest", config, List.of(layer))));
    }

    /** Called by remove under the store lock: lets a test hold a remove half-way. */
    private Optional<String> usagePausingRemove(Digest imageId) {
        if (pauseRemove) {
            removeInside.countDown();
            try {
                releaseRemove.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.empty();
    }

    @AfterEach
    void releaseAPausedRemove() {
        releaseRemove.countDown();
    }

    @Test
    void resolve_waitsForARemoveInProgress_thenFindsNoImage() throws Exception {
        pauseRemove = true;
        CompletableFuture<RemoveReport> removal = CompletableFuture.supplyAsync(() -> call(() -> store.remove("busybox", false)));
        assertThat(removeInside.await(30, TimeUnit.SECONDS)).as("remove reached the usage check").isTrue();

        CompletableFuture<ResolvedImage> resolution = new CompletableFuture<>();
        Thread resolver = Thread.ofPlatform().start(() -> {
            try {
                resolution.complete(store.resolve("busybox"));
            } catch (Throwable t) {
                resolution.completeExceptionally(t);
            }
        });
        awaitParked(resolver);
        assertThat(resolution).as("resolve must wait for the remove holding the store").isNotDone();

        releaseRemove.countDown();
        assertThat(removal.get(30, TimeUnit.SECONDS).lines())
                .containsExactly("Untagged: busybox:latest", "Deleted: " + Digest.of(config));
        assertThat(resolution).failsWithin(30, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(EngineException.class).withMessage("No such image: busybox:latest");
    }

    @Test
    void remove_isRefused_whileAContainerIsBeingCreatedFromTheImage() throws IOException {
        Digest id = Digest.of(config);
        try (ImageHold hold = store.hold("busybox")) {
            assertThatThrownBy(() -> store.remove("busybox", false))
                    .isInstanceOf(EngineException.class)
                    .hasMessage("conflict: unable to remove repository reference \"busybox\" (must force) - a container"
                            + " being created is using its referenced image " + id.shortHex());
            assertThatThrownBy(() -> store.remove(id.toString(), false))
                    .hasMessage("conflict: unable to delete " + id.shortHex()
                            + " (must be forced) - image is being used by a container being created");
            assertThat(hold.image().layersBottomFirst()).allSatisfy(folder -> assertThat(folder).isDirectory());
        }
        assertThat(store.remove("busybox", false).lines()).containsExactly("Untagged: busybox:latest", "Deleted: " + id);
    }

    @Test
    void remove_forced_untagsAHeldImage_butKeepsItAndItsLayers() throws IOException {
        try (ImageHold hold = store.hold("busybox")) {
            assertThat(store.remove("busybox", true).lines()).containsExactly("Untagged: busybox:latest");

            assertThat(hold.image().layersBottomFirst()).allSatisfy(folder -> assertThat(folder).isDirectory());
            assertThat(store.list()).singleElement().satisfies(s -> assertThat(s.references()).isEmpty());
        }
    }

    private static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != Thread.State.WAITING) {
            assertThat(thread.isAlive()).as("resolve ended without waiting for the store lock").isTrue();
            assertThat(System.nanoTime()).as("resolve parked on the store lock in time").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private interface StoreCall<T> {
        T run() throws IOException;
    }

    private static <T> T call(StoreCall<T> action) {
        try {
            return action.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
