package dev.berth.engine.api;

import dev.berth.engine.ImageView;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Docker's image filters: those of {@code GET /images/json} ({@code reference}, {@code label},
 * {@code dangling}, {@code before}, {@code since}) and those of {@code POST /images/prune}
 * ({@code dangling}, {@code label}, {@code label!}, {@code until}), as moby's
 * {@code daemon/images} applies them.
 */
final class ImageFilters {

    static final Set<String> LIST = Set.of("reference", "label", "dangling", "before", "since");
    static final Set<String> PRUNE = Set.of("dangling", "label", "label!", "until");

    private ImageFilters() {
    }

    /**
     * The images {@code GET /images/json} lists, each with only the names the {@code reference}
     * filter lets through (all of them without the filter).
     *
     * @param lookup finds the image a {@code before} or {@code since} value names
     * @throws ApiException 400 for an unknown filter or a malformed value
     */
    static List<ImageView> list(Filters filters, List<ImageView> images, Function<String, ImageView> lookup) {
        filters.requireKnown(LIST);
        Optional<Boolean> dangling = bool(filters, "dangling");
        List<Instant> before = filters.get("before").stream().map(ref -> created(lookup.apply(ref))).toList();
        List<Instant> since = filters.get("since").stream().map(ref -> created(lookup.apply(ref))).toList();
        List<Glob> references = filters.get("reference").stream().map(Glob::parse).toList();
        List<ImageView> result = new ArrayList<>();
        for (ImageView image : images) {
            if (dangling.isPresent() && image.dangling() != dangling.get()
                    || !filters.matchesLabels("label", image.labels())
                    || before.stream().anyMatch(b -> !created(image).isBefore(b))
                    || since.stream().anyMatch(s -> !created(image).isAfter(s))) {
                continue;
            }
            if (references.isEmpty()) {
                result.add(image);
                continue;
            }
            List<ImageView.Name> names = image.names().stream()
                    .filter(n -> references.stream().anyMatch(g -> g.matches(n.familiar())
                            || g.matches(n.repository())))
                    .toList();
            if (!names.isEmpty()) {
                result.add(new ImageView(image.id(), names, image.repoDigests(), image.created(), image.size(),
                        image.labels()));
            }
        }
        return result;
    }

    /**
     * What {@code POST /images/prune} removes: dangling images only unless {@code dangling=false}
     * (then every image no container uses); {@code label} terms must all hold, {@code label!}
     * terms must all fail; {@code until} keeps images created at or after it.
     */
    static Predicate<ImageView> prune(Filters filters, Instant now) {
        filters.requireKnown(PRUNE);
        boolean danglingOnly = bool(filters, "dangling").orElse(true);
        List<Instant> until = filters.get("until").stream()
                .map(v -> Timestamps.parse(v, now, "until filter")).toList();
        return image -> (!danglingOnly || image.dangling())
                && filters.matchesLabels("label", image.labels())
                && filters.get("label!").stream().noneMatch(term -> Filters.matchesLabel(term, image.labels()))
                && until.stream().allMatch(u -> created(image).isBefore(u));
    }

    /** A boolean filter given once: {@code true}/{@code 1} or {@code false}/{@code 0}, as Docker reads it. */
    private static Optional<Boolean> bool(Filters filters, String key) {
        List<String> values = filters.get(key);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1 || !Set.of("true", "1", "false", "0").contains(values.getFirst())) {
            throw ApiException.badRequest("Invalid filter '" + key + "=" + String.join(",", values) + "'");
        }
        return Optional.of(values.getFirst().equals("true") || values.getFirst().equals("1"));
    }

    private static Instant created(ImageView image) {
        if (image.created() == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(image.created());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
