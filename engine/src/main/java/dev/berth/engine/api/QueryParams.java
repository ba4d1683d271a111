package dev.berth.engine.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The query parameters of a request, URL-decoded, with Docker's parsing of booleans, numbers and filters. */
public record QueryParams(Map<String, List<String>> values) {

    private static final Set<String> FALSE = Set.of("", "0", "no", "false", "none");

    public QueryParams {
        values = Map.copyOf(values);
    }

    /** The first value of {@code name}, if given. */
    public Optional<String> get(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * Docker's {@code BoolValue}: absent, {@code ""}, {@code 0}, {@code no}, {@code false} and
     * {@code none} (any case) are false; every other value is true ({@code 1}, {@code True}…).
     */
    public boolean bool(String name) {
        return get(name).map(v -> !FALSE.contains(v.toLowerCase(Locale.ROOT))).orElse(false);
    }

    /**
     * An integer parameter, {@code fallback} when absent or empty.
     *
     * @throws ApiException 400 naming the parameter and the value when it is not an integer
     */
    public long integer(String name, long fallback) {
        Optional<String> value = get(name).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid value for " + name + ": \"" + value.get() + "\" is not an integer");
        }
    }

    /** The {@code filters} parameter in either of Docker's two JSON shapes. */
    public Filters filters() {
        return Filters.parse(get("filters").orElse(null));
    }
}
