package dev.berth.planner.load.interpolate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * Finds the variables an uninterpolated model uses, as compose-go's {@code template.ExtractVariables}
 * ({@code template/variables.go}) does for {@code docker compose config --variables}: every string
 * value (not key) is scanned with the interpolation pattern; {@code $$} is skipped; a braced
 * template gives its name and, as written, the default of {@code :-}/{@code -}, the alternate value
 * of {@code :+}/{@code +}, or {@code required} for {@code :?}/{@code ?}; the variables inside a
 * default or alternate value, and after the first closing brace of a match, are found too.
 *
 * <p>When a name occurs more than once the last occurrence wins. Compose walks mappings in Go's
 * random map order, so which occurrence is last can differ between its runs; berth takes the
 * stack file's order. The pattern is compiled per instance: this class is used only for
 * {@code --variables}. Templates nested deeper than {@link Template#MAX_NESTING} levels are a
 * located error, as in interpolation.
 */
public final class VariableExtractor {

    /**
     * compose-go's {@code DefaultPattern}. A braced body runs greedily to the last {@code }} of the
     * line, as in Go, and is then cut at its first closing brace; {@code UNIX_LINES} because Go's
     * {@code .} stops only at {@code \n}.
     */
    private final Pattern pattern = Pattern.compile("\\$(?:(?<escaped>\\$)|(?<named>[_a-z][_a-z0-9]*)"
            + "|\\{(?:(?<braced>[_a-z][_a-z0-9]*(?::?[-+?](.*))?)\\}|(?<invalid>)))",
            Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES);

    /** The variables {@code model}'s string values use, by name. */
    public SortedMap<String, Variable> extract(Node model) {
        Map<String, Variable> found = new LinkedHashMap<>();
        walk(model, found);
        return new TreeMap<>(found);
    }

    private void walk(Node node, Map<String, Variable> found) {
        if (node instanceof MapNode map) {
            map.entries().values().forEach(value -> walk(value, found));
        } else if (node instanceof SeqNode seq) {
            seq.items().forEach(item -> walk(item, found));
        } else if (node instanceof ScalarNode scalar && scalar.value() instanceof String text) {
            try {
                inString(text).forEach(v -> found.put(v.name(), v));
            } catch (TemplateException e) {
                throw new StackException(scalar.location() + ": " + e.getMessage());
            }
        }
    }

    /**
     * The variables {@code text} uses, in compose-go's order (where a later one wins): for each
     * match, those after its first closing brace, then its own, then those in its default and
     * alternate value. An invalid template ({@code ${}}, {@code ${ x}}) gives a variable with an
     * empty name, as in compose-go. Throws {@link TemplateException} for templates nested too deep.
     */
    public List<Variable> inString(String text) {
        return inString(text, 0);
    }

    /**
     * The text after a match's first closing brace is scanned before the match's own variable is
     * added; that scan is a frame on an explicit stack (a region of the same text), not a recursive
     * call, so a line of many templates takes no stack.
     */
    private List<Variable> inString(String text, int depth) {
        if (depth > Template.MAX_NESTING) {
            throw TemplateException.tooDeep(Template.MAX_NESTING);
        }
        List<Variable> values = new ArrayList<>();
        Deque<Frame> frames = new ArrayDeque<>();
        frames.push(new Frame(pattern.matcher(text), List.of()));
        while (!frames.isEmpty()) {
            Frame frame = frames.peek();
            Matcher m = frame.matcher();
            if (!m.find()) {
                frames.pop();
                values.addAll(frame.after());
                continue;
            }
            if (m.group("escaped") != null) {
                continue;
            }
            String val = m.group("named");
            if (val != null) {
                values.addAll(variable(val, depth));
                continue;
            }
            val = orEmpty(m.group("braced"));
            String match = m.group();
            int close = firstBraceClosingIndex(match);
            if (close > 0) {
                Matcher rest = pattern.matcher(text).region(m.start() + close + 1, m.end());
                frames.push(new Frame(rest, variable(match.substring(2, close), depth)));
            } else {
                values.addAll(variable(val, depth));
            }
        }
        return values;
    }

    /** A region of text being scanned, and the variables to add once it is. */
    private record Frame(Matcher matcher, List<Variable> after) {
    }

    /** The variable of one template body ({@code NAME}, {@code NAME:-default}, ...), then those in its values. */
    private List<Variable> variable(String body, int depth) {
        String name = body;
        String defaultValue = "";
        String presenceValue = "";
        boolean required = false;
        int end = nameEnd(body);
        if (end > 0) {
            name = body.substring(0, end);
            String rest = body.substring(end);
            if (rest.startsWith(":?") || rest.startsWith("?")) {
                required = true;
            } else if (rest.startsWith(":-")) {
                defaultValue = rest.substring(2);
            } else if (rest.startsWith("-")) {
                defaultValue = rest.substring(1);
            } else if (rest.startsWith(":+")) {
                presenceValue = rest.substring(2);
            } else if (rest.startsWith("+")) {
                presenceValue = rest.substring(1);
            }
        }
        List<Variable> out = new ArrayList<>();
        out.add(new Variable(name, defaultValue, presenceValue, required));
        if (!defaultValue.isEmpty()) {
            out.addAll(inString(defaultValue, depth + 1));
        }
        if (!presenceValue.isEmpty()) {
            out.addAll(inString(presenceValue, depth + 1));
        }
        return out;
    }

    /**
     * The index of the first character that cannot be in a name, or -1 when there is none (then
     * the whole body is the name); 0 leaves the body as the name with no operator, as in compose-go.
     */
    private static int nameEnd(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean namePart = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!namePart) {
                return i;
            }
        }
        return -1;
    }

    /**
     * compose-go's {@code getFirstBraceClosingIndex}: counts braces from the start, skipping the
     * character after each opening brace; the index of the brace that closes the first one, or -1.
     */
    static int firstBraceClosingIndex(String s) {
        int open = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '}') {
                open--;
                if (open == 0) {
                    return i;
                }
            }
            if (s.charAt(i) == '{') {
                open++;
                i++;
            }
        }
        return -1;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
