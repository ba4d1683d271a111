package dev.berth.engine.volume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Selects volumes for a listing like {@code docker volume ls --filter}: every {@code label}
 * given must be present (with the value, when one is given) and the name must contain every
 * {@code name} given.
 *
 * @param labels label key mapped to the required value, or to empty when any value will do
 * @param names  substrings the name must contain
 */
public record VolumeFilter(Map<String, Optional<String>> labels, List<String> names) {

    /** Matches every volume. */
    public static final VolumeFilter ALL = new VolumeFilter(Map.of(), List.of());

    public VolumeFilter {
        labels = Map.copyOf(labels);
        names = List.copyOf(names);
    }

    /**
     * Parses {@code label=KEY}, {@code label=KEY=VALUE} and {@code name=TEXT} terms.
     *
     * @throws VolumeException {@code invalid filter 'TERM'} for any other term
     */
    public static VolumeFilter parse(List<String> terms) {
        Map<String, Optional<String>> labels = new LinkedHashMap<>();
        List<String> names = new java.util.ArrayList<>();
        for (String term : terms) {
            int eq = term.indexOf('=');
            String key = eq < 0 ? term : term.substring(0, eq);
            String value = eq < 0 ? "" : term.substring(eq + 1);
            if (eq < 0 || value.isEmpty()) {
                throw new VolumeException("invalid filter '" + term + "'");
            }
            switch (key) {
                case "label" -> {
                    int valueEq = value.indexOf('=');
                    labels.put(valueEq < 0 ? value : value.substring(0, valueEq),
                            valueEq < 0 ? Optional.empty() : Optional.of(value.substring(valueEq + 1)));
                }
                case "name" -> names.add(value);
                default -> throw new VolumeException("invalid filter '" + term + "'");
            }
        }
        return new VolumeFilter(labels, names);
    }

    /** Whether {@code volume} passes every term. */
    public boolean matches(VolumeRecord volume) {
        for (Map.Entry<String, Optional<String>> label : labels.entrySet()) {
            String actual = volume.labels().get(label.getKey());
            if (actual == null || label.getValue().map(v -> !v.equals(actual)).orElse(false)) {
                return false;
            }
        }
        return names.stream().allMatch(volume.name()::contains);
    }
}
