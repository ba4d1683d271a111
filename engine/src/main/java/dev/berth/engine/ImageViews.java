package dev.berth.engine;

import dev.berth.engine.image.ImageConfig;
import dev.berth.engine.image.ImageReference;
import dev.berth.engine.image.ImageSummary;

/** Makes the edge's {@link ImageView} and {@link ImageDetails} from the image store's records. */
final class ImageViews {

    private ImageViews() {
    }

    static ImageView of(ImageSummary s) {
        return new ImageView(s.id().toString(), s.references().stream()
                .map(r -> new ImageView.Name(r.familiarName(), r.tag(), r.familiar())).toList(),
                s.references().stream().map(ImageReference::familiarName).distinct()
                        .map(name -> name + "@" + s.manifest()).toList(),
                s.created(), s.size());
    }

    static ImageDetails of(ImageSummary s, ImageConfig c) {
        return new ImageDetails(of(s), c.architecture(), c.os(), c.env(), c.entrypoint(), c.cmd(), c.workingDir(),
                c.user(), c.exposedPorts(), c.volumes(), c.labels(), c.stopSignal(),
                c.healthcheck(),
                c.diffIds().stream().map(Object::toString).toList());
    }
}
