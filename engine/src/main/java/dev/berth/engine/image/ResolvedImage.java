package dev.berth.engine.image;

import java.nio.file.Path;
import java.util.List;

/**
 * What the runtime needs to start a container from an image.
 *
 * @param id the image ID (config digest)
 * @param config the image configuration to apply
 * @param layersBottomFirst the unpacked layer folders, lowest layer first; an overlay mount takes
 *     them in the opposite order ({@code lowerdir=} lists the top layer first)
 */
public record ResolvedImage(Digest id, ImageConfig config, List<Path> layersBottomFirst) {

    public ResolvedImage {
        layersBottomFirst = List.copyOf(layersBottomFirst);
    }

    /** The overlay {@code lowerdir=} value: the layer folders, top first, joined with ":". */
    public String overlayLowerDir() {
        return String.join(":", layersBottomFirst.reversed().stream().map(Path::toString).toList());
    }
}
