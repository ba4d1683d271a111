package dev.berth.planner.load;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * Selects the services of the active profiles (compose-spec 15-profiles.md): a service without
 * {@code profiles} is always enabled, one with profiles only when one of them is active
 * ({@code *} activates all), and a service named on the command line enables its profiles. A
 * disabled service is removed; an enabled service that depends on one is an error, unless the
 * dependency says {@code required: false}, in which case the dependency is dropped.
 */
public final class Profiles {

    /** The profile that activates every profile. */
    public static final String ALL = "*";

    private Profiles() {
    }

    /** The profiles named by {@code --profile} flags and {@code COMPOSE_PROFILES} (comma-separated). */
    public static Set<String> active(Collection<String> flags, String composeProfiles) {
        Set<String> out = new LinkedHashSet<>();
        flags.forEach(f -> split(f, out));
        if (flags.isEmpty() && composeProfiles != null) {
            split(composeProfiles, out);
        }
        return out;
    }

    private static void split(String text, Set<String> out) {
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
    }

    /** Every profile any service names, sorted. */
    public static List<String> all(MapNode model) {
        Set<String> out = new TreeSet<>();
        if (model.get("services") instanceof MapNode services) {
            for (Node service : services.entries().values()) {
                out.addAll(profilesOf(service));
            }
        }
        return List.copyOf(out);
    }

    /** The model with only the enabled services; {@code requested} services must exist. */
    public static MapNode apply(MapNode model, Set<String> activeProfiles, Collection<String> requested) {
        MapNode services = model.get("services") instanceof MapNode s ? s : MapNode.empty(model.location());
        Set<String> active = new LinkedHashSet<>(activeProfiles);
        for (String name : requested) {
            if (!services.has(name)) {
                throw new StackException("no such service: " + name);
            }
            active.addAll(profilesOf(services.get(name)));
        }
        boolean all = active.contains(ALL);
        MapNode enabled = services.mapValues((name, service) -> {
            Set<String> own = profilesOf(service);
            return own.isEmpty() || all || own.stream().anyMatch(active::contains) ? service : null;
        });
        MapNode checked = enabled.mapValues((name, service) -> dropDisabled(name, service, services, enabled));
        return model.get("services") instanceof MapNode ? model.with("services", checked) : model;
    }

    private static Node dropDisabled(String name, Node service, MapNode all, MapNode enabled) {
        if (!(service instanceof MapNode s) || !(s.get("depends_on") instanceof MapNode deps)) {
            return service;
        }
        MapNode kept = deps.mapValues((dep, spec) -> {
            if (enabled.has(dep) || !all.has(dep)) {
                return spec;
            }
            if (spec instanceof MapNode m && m.get("required") instanceof ScalarNode r
                    && Boolean.FALSE.equals(r.value())) {
                return null;
            }
            throw new StackException(deps.keyLocation(dep) + ": service \"" + dep + "\" is required by \"" + name
                    + "\" but is disabled; enable it with --profile " + String.join(" or --profile ",
                    profilesOf(all.get(dep))));
        });
        return s.with("depends_on", kept);
    }

    private static Set<String> profilesOf(Node service) {
        Set<String> out = new LinkedHashSet<>();
        if (service instanceof MapNode s && s.get("profiles") instanceof SeqNode list) {
            for (Node p : list.items()) {
                if (p instanceof ScalarNode sc && sc.value() != null) {
                    out.add(sc.asText());
                }
            }
        }
        return out;
    }
}
