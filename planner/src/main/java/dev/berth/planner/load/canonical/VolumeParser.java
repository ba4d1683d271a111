package dev.berth.planner.load.canonical;

import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;
import java.util.Set;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;

/**
 * Service volumes in their canonical long form (compose-spec {@code 05-services.md#volumes}):
 * {@code SOURCE:TARGET[:OPTIONS]} becomes a bind mount when the source starts with {@code . / ~},
 * a named volume otherwise, an anonymous volume when only a target is given. Options {@code ro rw z
 * Z nocopy} and the propagation modes are understood; others are ignored as Compose ignores them.
 */
final class VolumeParser {

    private static final Set<String> PROPAGATION = Set.of("shared", "rshared", "slave", "rslave", "private", "rprivate");

    private VolumeParser() {
    }

    static Node canonical(Node item, String path, PathResolver paths) {
        if (item instanceof ScalarNode s && s.isString()) {
            return shortForm((String) s.value(), s.location(), path, paths);
        }
        return item instanceof MapNode m ? longForm(m, path, paths) : item;
    }

    private static Node longForm(MapNode m, String path, PathResolver paths) {
        MapNode out = m;
        String type = Nodes.text(m.get("type"));
        if ("bind".equals(type) && m.get("source") instanceof ScalarNode s && s.isString()) {
            out = out.with("source", s.withValue(paths.resolve((String) s.value(), s.location())));
        }
        if (m.get("tmpfs") instanceof MapNode t && t.has("size")) {
            out = out.with("tmpfs", t.with("size", ByteSizes.canonical(t.get("size"), path + ".tmpfs.size")));
        }
        return out;
    }

    private static Node shortForm(String spec, Location at, String path, PathResolver paths) {
        List<String> parts = split(spec);
        if (parts.size() > 3 || parts.stream().anyMatch(String::isEmpty)) {
            throw new StackException(at + ": " + path + ": invalid volume specification \"" + spec
                    + "\" (expected [SOURCE:]TARGET[:OPTIONS])");
        }
        SequencedMap<String, Node> e = Nodes.entries();
        if (parts.size() == 1) {
            e.put("type", Nodes.str("volume", at));
            e.put("target", Nodes.str(parts.getFirst(), at));
            e.put("volume", Nodes.map(at, Nodes.entries()));
            return Nodes.map(at, e);
        }
        String source = parts.get(0);
        boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        List<String> options = parts.size() == 3 ? List.of(parts.get(2).split(",")) : List.of();
        e.put("type", Nodes.str(bind ? "bind" : "volume", at));
        e.put("source", Nodes.str(bind ? paths.resolve(source, at) : source, at));
        e.put("target", Nodes.str(parts.get(1), at));
        if (options.contains("ro")) {
            e.put("read_only", Nodes.bool(true, at));
        }
        SequencedMap<String, Node> detail = Nodes.entries();
        if (bind) {
            detail.put("create_host_path", Nodes.bool(true, at));
            for (String o : options) {
                if (PROPAGATION.contains(o)) {
                    detail.put("propagation", Nodes.str(o, at));
                } else if (o.equals("z") || o.equals("Z")) {
                    detail.put("selinux", Nodes.str(o, at));
                }
            }
            e.put("bind", Nodes.map(at, detail));
        } else {
            if (options.contains("nocopy")) {
                detail.put("nocopy", Nodes.bool(true, at));
            }
            e.put("volume", Nodes.map(at, detail));
        }
        return Nodes.map(at, e);
    }

    /** Splits on {@code :} except inside {@code ${...}}, which interpolation left in place when it was escaped. */
    static List<String> split(String spec) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '$' && i + 1 < spec.length() && spec.charAt(i + 1) == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ':' && depth == 0) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        return parts;
    }
}
