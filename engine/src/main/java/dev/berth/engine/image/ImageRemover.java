package dev.berth.engine.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.berth.engine.core.EngineException;

/**
 * {@code docker rmi} semantics for one name: untag a reference, delete the image once no reference
 * is left, refuse when a container still uses it or is being created from it (an {@link ImageHold}).
 * Runs under the store's lock.
 */
final class ImageRemover {

    private final ImageStore store;

    ImageRemover(ImageStore store) {
        this.store = store;
    }

    RemoveReport remove(String nameOrId, boolean force) throws IOException {
        ImageStore.Image image = store.find(nameOrId);
        Optional<String> user = store.usage().containerUsing(image.id()).map(c -> "container " + shortId(c))
                .or(() -> store.isHeld(image.id()) ? Optional.of("a container being created") : Optional.empty());
        Optional<ImageReference> byReference = image.references().stream()
                .filter(r -> isReferenceTo(nameOrId, r)).findFirst();
        List<String> lines = new ArrayList<>();
        List<ImageIndex.Entry> entries = new ArrayList<>(store.index().read());
        if (byReference.isPresent()) {
            ImageReference ref = byReference.get();
            boolean last = image.references().size() == 1;
            if (last && user.isPresent() && !force) {
                throw new ImageConflictException("conflict: unable to remove repository reference \"" + nameOrId
                        + "\" (must force) - " + user.get() + " is using its referenced image "
                        + image.id().shortHex());
            }
            untag(entries, image, ref, lines);
        } else {
            if (image.references().size() > 1 && !force) {
                throw new ImageConflictException("conflict: unable to delete " + image.id().shortHex()
                        + " (must be forced) - image is referenced in multiple repositories");
            }
            if (user.isPresent() && !force) {
                throw new ImageConflictException("conflict: unable to delete " + image.id().shortHex()
                        + " (must be forced) - image is being used by " + user.get());
            }
            for (ImageReference ref : image.references()) {
                untag(entries, image, ref, lines);
            }
        }
        boolean named = entries.stream().anyMatch(e -> e.manifest().digest().equals(image.descriptor().digest())
                && e.reference().isPresent());
        if (!named && user.isEmpty()) {
            entries.removeIf(e -> e.manifest().digest().equals(image.descriptor().digest()));
            lines.add("Deleted: " + image.id());
        }
        store.index().write(entries);
        store.collectGarbage();
        return new RemoveReport(lines);
    }

    private static void untag(List<ImageIndex.Entry> entries, ImageStore.Image image, ImageReference ref,
            List<String> lines) {
        entries.removeIf(e -> e.reference().equals(Optional.of(ref)));
        ImageStore.keepReachable(entries, image.descriptor());
        lines.add("Untagged: " + ref.familiar());
    }

    private static boolean isReferenceTo(String text, ImageReference ref) {
        try {
            return ImageReference.parse(text).equals(ref);
        } catch (EngineException e) {
            return false;
        }
    }

    private static String shortId(String containerId) {
        return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }
}
