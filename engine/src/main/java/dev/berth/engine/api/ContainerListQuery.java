package dev.berth.engine.api;

import dev.berth.engine.ContainerView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The query of {@code GET /containers/json}: {@code all}, {@code limit} and the filters
 * {@code label} (every term must hold; {@code key} or {@code key=value}), {@code status},
 * {@code name} (a regular expression found in the name), {@code id} (a prefix), {@code ancestor}
 * (the image as named, its ID or an ID prefix) and {@code exited} (exit codes); values of one key
 * other than {@code label} are alternatives (engine-api.md §2.7).
 */
record ContainerListQuery(boolean all, long limit, Filters filters) {

    private static final Set<String> KEYS = Set.of("label", "status", "name", "id", "ancestor", "exited");
    private static final Set<String> STATUSES = Set.of("created", "restarting", "running", "removing", "paused",
            "exited", "dead");

    /**
     * @throws ApiException 400 for a filter berth does not apply, an unknown status, a bad pattern
     *                      or an exit code that is not a number, in Docker's words where it has them
     */
    static ContainerListQuery of(QueryParams query) {
        Filters filters = query.filters().requireKnown(KEYS);
        for (String status : filters.get("status")) {
            if (!STATUSES.contains(status)) {
                throw ApiException.badRequest("Invalid filter 'status=" + status + "'");
            }
        }
        for (String name : filters.get("name")) {
            try {
                Pattern.compile(name);
            } catch (PatternSyntaxException e) {
                throw ApiException.badRequest("invalid filter 'name=" + name + "': " + e.getDescription());
            }
        }
        for (String code : filters.get("exited")) {
            if (!code.matches("-?\\d+")) {
                throw ApiException.badRequest("invalid filter 'exited=" + code + "': not an exit code");
            }
        }
        return new ContainerListQuery(query.bool("all"), query.integer("limit", -1), filters);
    }

    /** The containers to list, newest first, from every container newest first. */
    List<ContainerView> apply(List<ContainerView> newestFirst) {
        // a limit asks for the newest containers whatever their state; a status filter names the states itself
        boolean everyState = all || limit > 0 || filters.has("status");
        List<ContainerView> shown = new ArrayList<>();
        for (ContainerView c : newestFirst) {
            if (limit > 0 && shown.size() == limit) {
                break;
            }
            if ((everyState || c.running()) && matches(c)) {
                shown.add(c);
            }
        }
        return shown;
    }

    boolean matches(ContainerView c) {
        return filters.matchesLabels("label", c.labels())
                && filters.matchesAny("status", c.status())
                && anyMatch("name", n -> Pattern.compile(n).matcher("/" + c.name()).find())
                && anyMatch("id", c.id()::startsWith)
                && anyMatch("ancestor", a -> ancestor(c, a))
                && anyMatch("exited", code -> c.status().equals("exited") && Integer.parseInt(code) == c.exitCode());
    }

    private boolean anyMatch(String key, java.util.function.Predicate<String> test) {
        return !filters.has(key) || filters.get(key).stream().anyMatch(test);
    }

    private static boolean ancestor(ContainerView c, String image) {
        if (image.equals(c.image())) {
            return true;
        }
        String id = c.imageId() == null ? "" : c.imageId();
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return !image.isEmpty() && (id.equals(image) || hex.startsWith(image.startsWith("sha256:")
                ? image.substring(7) : image));
    }
}
