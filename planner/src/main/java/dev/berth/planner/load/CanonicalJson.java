package dev.berth.planner.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import dev.berth.planner.tree.Node;

/**
 * Prints a model tree the way {@code docker compose config} prints it: keys sorted at every level,
 * whole-valued decimals as integers, as compact JSON (for hashing), JSON indented like Go's
 * {@code json.MarshalIndent} with two spaces, or YAML.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** Jackson's mapper, made when first needed: YAML output and {@code config -q} never start Jackson. */
    private static final class Json {
        static final ObjectMapper COMPACT = new ObjectMapper();
    }

    /** JSON without whitespace, keys sorted: the bytes berth hashes. */
    public static String compact(Node node) {
        return write(Json.COMPACT, node);
    }

    /** JSON indented by two spaces, one value per line, {@code "key": value}, keys sorted, ending in a newline. */
    public static String pretty(Node node) {
        StringBuilder out = new StringBuilder();
        indented(sorted(node.toPlain()), 0, out);
        return out.append('\n').toString();
    }

    private static void indented(Object value, int depth, StringBuilder out) {
        switch (value) {
            case Map<?, ?> map when !map.isEmpty() -> {
                out.append('{');
                String sep = "\n";
                for (var e : map.entrySet()) {
                    out.append(sep).append("  ".repeat(depth + 1)).append(scalar(e.getKey())).append(": ");
                    indented(e.getValue(), depth + 1, out);
                    sep = ",\n";
                }
                out.append('\n').append("  ".repeat(depth)).append('}');
            }
            case List<?> list when !list.isEmpty() -> {
                out.append('[');
                String sep = "\n";
                for (Object item : list) {
                    out.append(sep).append("  ".repeat(depth + 1));
                    indented(item, depth + 1, out);
                    sep = ",\n";
                }
                out.append('\n').append("  ".repeat(depth)).append(']');
            }
            case null, default -> out.append(scalar(value));
        }
    }

    private static String scalar(Object value) {
        try {
            return Json.COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plain value always prints as JSON", e);
        }
    }

    /**
     * YAML in block style, keys sorted. Text that a YAML 1.1 reader would take for another type
     * ({@code no}, {@code on}, {@code y}, as well as {@code 8080} or {@code null}) is quoted, so
     * {@code restart: "no"} stays text for every reader, as Docker Compose prints it.
     */
    public static String yaml(Node node) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(2).setIndentWithIndicator(true).setSchema(new QuotingSchema()).build();
        return new Dump(settings).dumpToString(sorted(node.toPlain()));
    }

    /** The YAML 1.2 core schema, whose resolver also claims YAML 1.1's booleans so the dumper quotes them. */
    private static final class QuotingSchema extends CoreSchema {

        private static final Pattern YAML11_BOOL =
                Pattern.compile("y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF");

        @Override
        public ScalarResolver getScalarResolver() {
            ScalarResolver core = super.getScalarResolver();
            return (value, implicit) -> Boolean.TRUE.equals(implicit) && YAML11_BOOL.matcher(value).matches() ? Tag.BOOL
                    : core.resolve(value, implicit);
        }
    }

    private static String write(ObjectMapper mapper, Node node) {
        try {
            return mapper.writeValueAsString(sorted(node.toPlain()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model tree always prints as JSON", e);
        }
    }

    /** The plain value with maps as sorted maps and whole decimals as longs. */
    static Object sorted(Object plain) {
        return switch (plain) {
            case Map<?, ?> map -> {
                TreeMap<String, Object> out = new TreeMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
                yield out;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(v -> out.add(sorted(v)));
                yield out;
            }
            case Double d when d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15 -> d.longValue();
            case null, default -> plain;
        };
    }
}
