package dev.berth.engine.api;

import dev.berth.engine.Engine;
import java.util.List;

/**
 * {@code POST /images/create}: with {@code fromSrc=-}, {@code docker import} of the root
 * filesystem tar in the body (read as it arrives) as a one-layer image named by {@code repo} and
 * {@code tag}, its history comment {@code message}, its config set by the {@code changes}; with {@code fromImage}, a pull, which berth
 * cannot do yet and says so at once.
 *
 * <p>Import errors come before any output, so they are statuses, as dockerd answers them; the
 * image ID then follows as {@code {"status":"sha256:…"}}, which {@code docker import} prints.
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/#tag/Image/operation/ImageCreate">ImageCreate</a>
 */
final class ImageCreateRoute {

    private final Engine engine;

    ImageCreateRoute(Engine engine) {
        this.engine = engine;
    }

    ApiResponse create(ApiRequest request) {
        QueryParams query = request.query();
        String fromImage = query.get("fromImage").orElse("");
        String fromSrc = query.get("fromSrc").orElse("");
        if (!fromImage.isEmpty()) {
            throw pullNotImplemented(fromImage, query.get("tag").orElse(""));
        }
        if (fromSrc.isEmpty()) {
            throw ApiException.badRequest("either fromImage (to pull) or fromSrc (to import) is required");
        }
        if (!fromSrc.equals("-")) {
            throw ApiException.badRequest("cannot import from " + fromSrc + ": berth does not download (it has no"
                    + " network access for images); download the file and import it (docker import FILE)");
        }
        List<String> changes = query.all("changes").stream().filter(c -> !c.isBlank()).toList();
        String platform = query.get("platform").orElse("");
        if (!platform.isEmpty() && !platform.equals("linux") && !platform.equals("linux/" + Engine.architecture())) {
            throw ApiException.badRequest("cannot import for platform " + platform + ": berth imports images for"
                    + " linux/" + Engine.architecture() + " only");
        }
        String id = engine.importImage(request.bodyStream(), "-", name(query), query.get("message").orElse(null),
                changes);
        return ApiResponse.stream(Responses.JSON, sink -> sink.writeJsonLine(JsonMessages.status(id)));
    }

    /** {@code repo} and {@code tag} as one name; null when {@code repo} is empty (an untagged image). */
    private static String name(QueryParams query) {
        String repo = query.get("repo").orElse("");
        String tag = query.get("tag").orElse("");
        if (repo.isEmpty()) {
            if (!tag.isEmpty()) {
                throw ApiException.badRequest("tag \"" + tag + "\" given without a repository (repo parameter)");
            }
            return null;
        }
        return tag.isEmpty() ? repo : repo + ":" + tag;
    }

    /**
     * 500, as dockerd answers a pull from a registry it cannot reach: the docker CLI prints the
     * message and exits non-zero at once, where a retry-friendly status would make it wait.
     */
    private static ApiException pullNotImplemented(String image, String tag) {
        String name = tag.isEmpty() || image.contains("@") ? image : image + ":" + tag;
        return new ApiException(500, "cannot pull " + name + ": pulling images from registries is not implemented"
                + " in berth yet; load the image from an archive instead (docker save on a machine that has it,"
                + " then docker load -i FILE)");
    }
}
