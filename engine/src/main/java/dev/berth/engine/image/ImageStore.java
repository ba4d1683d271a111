package dev.berth.engine.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.berth.engine.core.EngineException;
import dev.berth.engine.layer.FileOps;
import dev.berth.engine.lock.LockFile;
import dev.berth.engine.layer.LayerApplier;
import dev.berth.engine.layer.NativeFileOps;
import dev.berth.engine.layer.Trees;

/**
 * The engine's images: an OCI image layout under {@code <dataRoot>/images/} (blobs, {@code index.json},
 * {@code oci-layout}), unpacked layers under {@code <dataRoot>/layers/<chainID hex>/} and scratch
 * space in {@code <dataRoot>/tmp/}.
 *
 * <p>Names are looked up as Docker does: a reference ({@code busybox} means
 * {@code docker.io/library/busybox:latest}), else an image ID or a unique prefix of one. Changes
 * hold a lock (in this JVM and across processes, on {@code images/.lock}) so that concurrent
 * commands never lose a tag; resolving holds it too, so a concurrent remove never deletes the layers
 * a resolve is about to return. A caller that goes on to create a container takes an
 * {@link ImageHold}, which keeps the image until the container exists.
 */
public final class ImageStore {

    private final Path images;
    private final Path tmp;
    private final BlobStore blobs;
    private final ImageIndex index;
    private final UnpackedLayers layers;
    private final ImageUsage usage;
    private final ImageHolds holds = new ImageHolds();
    private final LockFile lock;

    /** A store on {@code dataRoot} with the real system calls and no container using any image. */
    public ImageStore(Path dataRoot) {
        this(dataRoot, new NativeFileOps(), ImageUsage.NONE);
    }

    /** A store whose warnings (what a layer's application skipped) are printed to standard error. */
    public ImageStore(Path dataRoot, FileOps ops, ImageUsage usage) {
        this(dataRoot, ops, usage, ImageWarnings.STANDARD_ERROR);
    }

    /**
     * @param warnings receives one line per thing the store skipped, such as an extended attribute
     *                 the kernel refuses for a symlink (Docker logs those and goes on)
     * @throws EngineException when {@code dataRoot} exists and is not a folder
     */
    public ImageStore(Path dataRoot, FileOps ops, ImageUsage usage, Consumer<String> warnings) {
        DataRoot.requireFolder(dataRoot);
        this.images = dataRoot.resolve("images");
        this.tmp = dataRoot.resolve("tmp");
        this.blobs = new BlobStore(images, tmp);
        this.index = new ImageIndex(images);
        this.layers = new UnpackedLayers(dataRoot.resolve("layers"), tmp, blobs, new LayerApplier(ops), warnings);
        this.usage = usage;
        this.lock = new LockFile(images.resolve(".lock"));
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** Loads an archive named "image archive" in errors; see {@link #load(InputStream, String)}. */
    public LoadReport load(InputStream archive) throws IOException {
        return load(archive, "image archive");
    }

    /**
     * Loads a {@code docker save} archive or an OCI layout archive (either possibly compressed).
     * A refused archive leaves the store as it was.
     *
     * @param what names the archive in errors, such as {@code image archive /tmp/app.tar}
     * @throws EngineException when the archive is not one berth can load: not a tar, truncated or
     *     corrupt, metadata over its {@link MetadataLimit}, an unsafe layer entry, a digest mismatch
     */
    public LoadReport load(InputStream archive, String what) throws IOException {
        return locked(() -> {
            Path dir;
            try {
                Files.createDirectories(tmp);
                dir = Files.createTempDirectory(tmp, "load-");
            } catch (IOException e) {
                throw storeFailure(what, e);
            }
            try {
                ArchiveExtractor.extract(archive, what, dir);
                List<LoadReport.Loaded> loaded = new ArrayList<>();
                List<ImageIndex.Entry> entries = new ArrayList<>(index.read());
                for (ArchiveLoader.Found found : new ArchiveLoader(blobs).load(dir, what)) {
                    Image image = image(found.manifest(), List.of());
                    layers.ensureUnpacked(image.manifest().layers(), image.config().diffIds());
                    register(entries, found.manifest(), found.names());
                    loaded.add(new LoadReport.Loaded(image.id(), found.names()));
                }
                index.write(entries);
                return new LoadReport(loaded);
            } catch (IOException e) {
                collectGarbage();
                // Reading errors are the archive's and arrive as EngineException; these are the data root's.
                throw storeFailure(what, e);
            } catch (RuntimeException e) {
                collectGarbage();
                throw e;
            } finally {
                Trees.deleteRecursively(dir);
            }
        });
    }

    /** Imports with the history comment {@code Imported from SOURCE}; see {@link #importRootfs(InputStream, String, ImageReference, String)}. */
    public ImageSummary importRootfs(InputStream rootfsTar, String source, ImageReference name) throws IOException {
        return importRootfs(rootfsTar, source, name, null, List.of());
    }

    /**
     * Imports a root-filesystem tar (possibly compressed) as a one-layer image named {@code name},
     * as {@code docker import} does: the config sets no Env, Cmd or Entrypoint.
     *
     * @param source  what the tar came from, recorded in the image history
     * @param name    the image's name, or null for an untagged image
     * @param message the history comment, or null for {@code Imported from SOURCE}
     * @param changes Dockerfile instructions applied to the config, as {@code docker import --change}
     *                (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR)
     * @throws EngineException naming a change that is not one of these or is malformed, before
     *                         anything is stored
     */
    public ImageSummary importRootfs(InputStream rootfsTar, String source, ImageReference name, String message,
                                     List<String> changes) throws IOException {
        List<ImageReference> names = name == null ? List.of() : List.of(name);
        ConfigChanges.apply(changes);
        return locked(() -> {
            try {
                Descriptor manifest = new RootfsImporter(blobs).importTar(rootfsTar, source, message, changes);
                Image image = image(manifest, names);
                layers.ensureUnpacked(image.manifest().layers(), image.config().diffIds());
                List<ImageIndex.Entry> entries = new ArrayList<>(index.read());
                register(entries, manifest, names);
                index.write(entries);
                return summary(image);
            } catch (IOException e) {
                collectGarbage();
                throw storeFailure("root filesystem tar " + source, e);
            } catch (RuntimeException e) {
                collectGarbage();
                throw e;
            }
        });
    }

    /** Gives the image named {@code source} the additional reference {@code target}. */
    public void tag(String source, String target) throws IOException {
        ImageReference targetRef = ImageReference.parse(target);
        if (targetRef.digest() != null) {
            throw new EngineException("refusing to create a tag with a digest reference: \"" + target + "\"");
        }
        locked(() -> {
            Image image = find(source);
            List<ImageIndex.Entry> entries = new ArrayList<>(index.read());
            register(entries, image.descriptor(), List.of(targetRef));
            index.write(entries);
            return null;
        });
    }

    /** Every image, newest first (then by ID), as {@code docker images} lists them. */
    public List<ImageSummary> list() throws IOException {
        List<ImageSummary> result = new ArrayList<>();
        for (Image image : images()) {
            result.add(summary(image));
        }
        result.sort(java.util.Comparator.comparing((ImageSummary s) -> s.created() == null ? "" : s.created())
                .reversed().thenComparing(s -> s.id().hex()));
        return result;
    }

    /** The summary and configuration of one image. */
    public ImageSummary inspect(String nameOrId) throws IOException {
        return summary(find(nameOrId));
    }

    /**
     * Resolves a name for the runtime, unpacking any layer missing from {@code layers/}.
     *
     * @throws EngineException {@code No such image: NAME} when nothing matches
     */
    public ResolvedImage resolve(String nameOrId) throws IOException {
        return locked(() -> resolveLocked(nameOrId));
    }

    /**
     * Resolves as {@link #resolve(String)} does and keeps the image from being deleted until the
     * returned hold is closed, so that a concurrent remove cannot take the layers away from a
     * container being created from them.
     *
     * @throws EngineException {@code No such image: NAME} when nothing matches
     */
    public ImageHold hold(String nameOrId) throws IOException {
        return locked(() -> holds.take(resolveLocked(nameOrId)));
    }

    /** The steps that made an image, oldest first (see {@link ImageHistory}). */
    public List<ImageHistory.Step> history(String nameOrId) throws IOException {
        Image image = find(nameOrId);
        String what = "image config " + image.id();
        return ImageHistory.parse(blobs.read(image.id(), MetadataLimit.CONFIG, what), what,
                image.manifest().layers().stream().map(Descriptor::size).toList());
    }

    /**
     * Removes every image that {@code select} picks and no container uses (nor is being created
     * from), as {@code docker image prune} does: its names are untagged and the image deleted.
     *
     * @return Docker's lines ({@code Untagged: …}, {@code Deleted: sha256:…}) and the bytes freed
     *     in the store's blobs
     */
    public PruneReport prune(java.util.function.Predicate<ImageSummary> select) throws IOException {
        return locked(() -> {
            List<Image> all = images();
            List<Image> chosen = new ArrayList<>();
            for (Image image : all) {
                if (select.test(summary(image)) && usage.containerUsing(image.id()).isEmpty()
                        && !holds.isHeld(image.id())) {
                    chosen.add(image);
                }
            }
            if (chosen.isEmpty()) {
                return new PruneReport(List.of(), 0);
            }
            long before = blobs.totalSize();
            List<String> lines = new ArrayList<>();
            List<ImageIndex.Entry> entries = new ArrayList<>(index.read());
            for (Image image : chosen) {
                image.references().forEach(r -> lines.add("Untagged: " + r.familiar()));
                entries.removeIf(e -> e.manifest().digest().equals(image.descriptor().digest()));
                lines.add("Deleted: " + image.id());
            }
            index.write(entries);
            collectGarbage();
            return new PruneReport(lines, before - blobs.totalSize());
        });
    }

    /** What {@link #prune} removed. */
    public record PruneReport(List<String> lines, long spaceReclaimed) {
        public PruneReport {
            lines = List.copyOf(lines);
        }
    }

    /**
     * What the images take on disk, as {@code docker system df} shows it: per image the bytes of
     * its layers that other images share, and the bytes of all distinct layers.
     */
    public SpaceUse spaceUse() throws IOException {
        List<Image> all = images();
        Map<Digest, Integer> users = new java.util.HashMap<>();
        Map<Digest, Long> sizes = new java.util.HashMap<>();
        for (Image image : all) {
            for (Descriptor layer : new java.util.LinkedHashSet<>(image.manifest().layers())) {
                users.merge(layer.digest(), 1, Integer::sum);
                sizes.put(layer.digest(), layer.size());
            }
        }
        Map<Digest, Long> shared = new java.util.HashMap<>();
        for (Image image : all) {
            long bytes = image.manifest().layers().stream().map(Descriptor::digest).distinct()
                    .filter(d -> users.get(d) > 1).mapToLong(sizes::get).sum();
            shared.put(image.id(), bytes);
        }
        return new SpaceUse(shared, sizes.values().stream().mapToLong(Long::longValue).sum());
    }

    /**
     * @param sharedSize  per image ID, the bytes of its layers that other images use too
     * @param layersSize  the bytes of all distinct layers, as stored
     */
    public record SpaceUse(Map<Digest, Long> sharedSize, long layersSize) {
        public SpaceUse {
            sharedSize = Map.copyOf(sharedSize);
        }
    }

    /** The parsed configuration of an image. */
    public ImageConfig config(String nameOrId) throws IOException {
        return find(nameOrId).config();
    }

    /**
     * Removes a reference, and the image when no reference is left, as {@code docker rmi} does.
     * Refused while a container uses an image whose last reference would go, unless forced (then
     * the image stays, untagged).
     */
    public RemoveReport remove(String nameOrId, boolean force) throws IOException {
        return locked(() -> new ImageRemover(this).remove(nameOrId, force));
    }

    // ---- shared with ImageRemover ----

    /** An image as stored: its manifest descriptor, parsed manifest and config, and its references. */
    record Image(Descriptor descriptor, Manifest manifest, ImageConfig config, List<ImageReference> references) {
        Digest id() {
            return manifest.config().digest();
        }
    }

    ImageUsage usage() {
        return usage;
    }

    ImageIndex index() {
        return index;
    }

    /** Whether an {@link ImageHold} keeps this image; asked under the lock, as holds are taken under it. */
    boolean isHeld(Digest imageId) {
        return holds.isHeld(imageId);
    }

    List<Image> images() throws IOException {
        Map<Digest, List<ImageReference>> refs = new LinkedHashMap<>();
        Map<Digest, Descriptor> descriptors = new LinkedHashMap<>();
        for (ImageIndex.Entry e : index.read()) {
            descriptors.putIfAbsent(e.manifest().digest(), e.manifest());
            List<ImageReference> list = refs.computeIfAbsent(e.manifest().digest(), d -> new ArrayList<>());
            e.reference().ifPresent(list::add);
        }
        List<Image> result = new ArrayList<>();
        for (Map.Entry<Digest, Descriptor> d : descriptors.entrySet()) {
            result.add(image(d.getValue(), refs.get(d.getKey())));
        }
        return result;
    }

    Image find(String nameOrId) throws IOException {
        List<Image> all = images();
        Optional<ImageReference> ref = parseQuietly(nameOrId);
        if (ref.isPresent()) {
            for (Image image : all) {
                if (matches(image, ref.get())) {
                    return image;
                }
            }
        }
        String hex = nameOrId.startsWith("sha256:") ? nameOrId.substring(7) : nameOrId;
        if (hex.matches("[a-f0-9]{1,64}")) {
            List<Image> byId = all.stream().filter(i -> i.id().hex().startsWith(hex)).toList();
            Set<Digest> ids = new HashSet<>(byId.stream().map(Image::id).toList());
            if (ids.size() == 1) {
                return byId.getFirst();
            }
            if (ids.size() > 1) {
                throw new EngineException("image ID prefix \"" + nameOrId + "\" is ambiguous: it matches "
                        + ids.size() + " images; give more digits");
            }
        }
        throw new NoSuchImageException("No such image: " + ref.map(ImageReference::familiar).orElse(nameOrId));
    }

    void collectGarbage() throws IOException {
        Set<Digest> keepBlobs = new HashSet<>();
        Set<Digest> keepLayers = new HashSet<>();
        for (Image image : images()) {
            keepBlobs.add(image.descriptor().digest());
            keepBlobs.add(image.id());
            image.manifest().layers().forEach(l -> keepBlobs.add(l.digest()));
            keepLayers.addAll(UnpackedLayers.chainIds(image.config().diffIds()));
        }
        for (Digest d : blobs.list()) {
            if (!keepBlobs.contains(d)) {
                blobs.delete(d);
            }
        }
        layers.retainOnly(keepLayers);
    }

    /** Points each name at {@code manifest}; an image losing its last name stays, untagged. */
    static void register(List<ImageIndex.Entry> entries, Descriptor manifest, List<ImageReference> names) {
        Descriptor plain = new Descriptor(manifest.mediaType() == null ? MediaTypes.OCI_MANIFEST : manifest.mediaType(),
                manifest.digest(), manifest.size());
        for (ImageReference name : names) {
            List<ImageIndex.Entry> replaced = entries.stream()
                    .filter(e -> e.reference().equals(Optional.of(name))).toList();
            entries.removeAll(replaced);
            for (ImageIndex.Entry old : replaced) {
                keepReachable(entries, old.manifest());
            }
            entries.add(new ImageIndex.Entry(plain, Optional.of(name)));
        }
        entries.removeIf(e -> e.reference().isEmpty() && e.manifest().digest().equals(manifest.digest())
                && entries.stream().anyMatch(o -> o.reference().isPresent()
                        && o.manifest().digest().equals(manifest.digest())));
        keepReachable(entries, plain);
    }

    /** Adds an untagged entry for a manifest that no entry names any more. */
    static void keepReachable(List<ImageIndex.Entry> entries, Descriptor manifest) {
        boolean present = entries.stream().anyMatch(e -> e.manifest().digest().equals(manifest.digest()));
        if (!present) {
            entries.add(new ImageIndex.Entry(new Descriptor(manifest.mediaType(), manifest.digest(), manifest.size()),
                    Optional.empty()));
        }
    }

    private ResolvedImage resolveLocked(String nameOrId) throws IOException {
        Image image = find(nameOrId);
        List<Path> folders = layers.ensureUnpacked(image.manifest().layers(), image.config().diffIds());
        return new ResolvedImage(image.id(), image.config(), folders);
    }

    private static boolean matches(Image image, ImageReference ref) {
        if (ref.digest() != null) {
            return image.descriptor().digest().equals(ref.digest());
        }
        return image.references().contains(ref);
    }

    private static Optional<ImageReference> parseQuietly(String text) {
        try {
            return Optional.of(ImageReference.parse(text));
        } catch (EngineException e) {
            return Optional.empty();
        }
    }

    private Image image(Descriptor descriptor, List<ImageReference> references) throws IOException {
        String manifestName = "manifest " + descriptor.digest();
        Manifest manifest = Manifest.parse(blobs.read(descriptor.digest(), MetadataLimit.MANIFEST, manifestName),
                manifestName);
        Digest configDigest = manifest.config().digest();
        String configName = "image config " + configDigest;
        ImageConfig config = ImageConfig.parse(blobs.read(configDigest, MetadataLimit.CONFIG, configName), configName);
        List<ImageReference> sorted = new ArrayList<>(references);
        sorted.sort(java.util.Comparator.comparing(ImageReference::toString));
        return new Image(descriptor, manifest, config, sorted);
    }

    private static ImageSummary summary(Image image) {
        long size = image.manifest().layers().stream().mapToLong(Descriptor::size).sum();
        return new ImageSummary(image.id(), image.descriptor().digest(), image.references(), image.config().created(),
                size, image.config().labels());
    }

    private interface StoreAction<T> {
        T run() throws IOException;
    }

    private <T> T locked(StoreAction<T> action) throws IOException {
        return lock.holding(action::run);
    }

    private EngineException storeFailure(String what, IOException e) {
        return new EngineException(what + ": cannot store it under " + images.getParent() + ": "
                + DataRoot.describe(e), e);
    }
}
