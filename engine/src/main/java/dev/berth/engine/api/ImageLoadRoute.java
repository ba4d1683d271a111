package dev.berth.engine.api;

import dev.berth.engine.Engine;
import dev.berth.engine.core.EngineException;
import java.util.Map;

/**
 * {@code POST /images/load}: the body, a {@code docker save} or OCI archive (possibly compressed),
 * is loaded as it arrives. As dockerd does, the answer's head goes out first and everything after it
 * is JSON lines: {@code {"stream":"Loaded image: busybox:latest\n"}} per image, or the error in band
 * ({@code {"errorDetail":{"message":…},"error":…}}), which the docker CLI prints before exiting 1.
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/Image/operation/ImageLoad">ImageLoad</a>
 */
final class ImageLoadRoute {

    private final Engine engine;

    ImageLoadRoute(Engine engine) {
        this.engine = engine;
    }

    /** {@code quiet} only hides progress bars in Docker, which berth does not draw: the lines are the same. */
    ApiResponse load(ApiRequest request) {
        return ApiResponse.stream(Responses.JSON, sink -> {
            try {
                for (String line : engine.loadImages(request.bodyStream(), "the image archive sent to load")) {
                    sink.writeJsonLine(Map.of("stream", line + "\n"));
                }
            } catch (EngineException e) {
                sink.writeJsonLine(JsonMessages.error(e.getMessage()));
            }
        });
    }
}
