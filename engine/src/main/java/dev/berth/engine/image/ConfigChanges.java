package dev.berth.engine.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.berth.engine.core.EngineException;

/**
 * The Dockerfile instructions {@code docker import --change} applies to the new image's config, as
 * Docker's commit and import take them: {@code CMD}, {@code ENTRYPOINT} (JSON or shell form),
 * {@code ENV}, {@code LABEL} ({@code key=value} pairs, or legacy {@code ENV key value}),
 * {@code EXPOSE} (ports, {@code /tcp} by default, ranges expanded), {@code VOLUME} (JSON or a list),
 * {@code USER}, {@code WORKDIR} and {@code STOPSIGNAL}. Variables are not substituted.
 */
final class ConfigChanges {

    private ConfigChanges() {
    }

    /**
     * The image config's {@code config} object made by applying {@code changes} in order.
     *
     * @throws EngineException naming the change when it is not one of these instructions or is malformed
     */
    static Map<String, Object> apply(List<String> changes) {
        Map<String, Object> config = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> labels = new TreeMap<>();
        Map<String, Object> ports = new TreeMap<>();
        Map<String, Object> volumes = new TreeMap<>();
        for (String change : changes) {
            String line = change.strip();
            if (line.isEmpty()) {
                continue;
            }
            int space = firstSpace(line);
            String instruction = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
            String args = space < 0 ? "" : line.substring(space).strip();
            if (args.isEmpty()) {
                throw invalid(change, instruction + " needs an argument");
            }
            switch (instruction) {
                case "CMD" -> config.put("Cmd", command(args, change));
                case "ENTRYPOINT" -> config.put("Entrypoint", command(args, change));
                case "ENV" -> pairs(args, change, true).forEach(env::put);
                case "LABEL" -> labels.putAll(pairs(args, change, false));
                case "EXPOSE" -> words(args, change).forEach(p -> ports(p, change).forEach(x -> ports.put(x, Map.of())));
                case "VOLUME" -> {
                    List<String> list = jsonArray(args, change);
                    (list != null ? list : words(args, change)).forEach(v -> volumes.put(v, Map.of()));
                }
                case "USER" -> config.put("User", args);
                case "WORKDIR" -> config.put("WorkingDir", args.startsWith("/") ? args : "/" + args);
                case "STOPSIGNAL" -> config.put("StopSignal", args);
                default -> throw invalid(change, "\"" + instruction + "\" cannot be applied to an imported image"
                        + " (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME and WORKDIR can)");
            }
        }
        if (!env.isEmpty()) {
            config.put("Env", env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
        if (!labels.isEmpty()) {
            config.put("Labels", labels);
        }
        if (!ports.isEmpty()) {
            config.put("ExposedPorts", ports);
        }
        if (!volumes.isEmpty()) {
            config.put("Volumes", volumes);
        }
        return config;
    }

    private static int firstSpace(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isWhitespace(line.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The JSON (exec) form as given, else the shell form {@code /bin/sh -c ARGS}. */
    private static List<String> command(String args, String change) {
        List<String> exec = jsonArray(args, change);
        return exec != null ? exec : List.of("/bin/sh", "-c", args);
    }

    /** A JSON array of strings, or null when {@code args} is not JSON (then it is the shell form). */
    private static List<String> jsonArray(String args, String change) {
        if (!args.startsWith("[")) {
            return null;
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(args);
        } catch (JsonProcessingException e) {
            return null; // as Docker: what does not parse as JSON is the shell form
        }
        if (!node.isArray()) {
            return null;
        }
        List<String> list = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw invalid(change, "the JSON form must be a list of strings");
            }
            list.add(n.asText());
        }
        return list;
    }

    /** {@code key=value} pairs (quotes and backslashes as the shell's), or legacy {@code key value}. */
    private static Map<String, String> pairs(String args, String change, boolean legacyAllowed) {
        Map<String, String> result = new LinkedHashMap<>();
        List<String> words = words(args, change);
        if (!words.getFirst().contains("=")) {
            int space = firstSpace(args);
            if (!legacyAllowed || space < 0) {
                throw invalid(change, "expected key=value");
            }
            result.put(args.substring(0, space), unquote(args.substring(space).strip(), change));
            return result;
        }
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw invalid(change, "\"" + word + "\" is not key=value");
            }
            result.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return result;
    }

    private static String unquote(String value, String change) {
        List<String> words = words(value, change);
        return String.join(" ", words);
    }

    /** Splits on unquoted blanks; quotes group, backslashes escape, both are removed. */
    private static List<String> words(String args, String change) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\\' && quote != '\'' && i + 1 < args.length()) {
                word.append(args.charAt(++i));
                inWord = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw invalid(change, "a quote is not closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** {@code 80}, {@code 80/udp}, {@code 8000-8002/tcp} as Docker's {@code PORT/PROTO} keys. */
    private static List<String> ports(String spec, String change) {
        int slash = spec.indexOf('/');
        String proto = slash < 0 ? "tcp" : spec.substring(slash + 1).toLowerCase(Locale.ROOT);
        String range = slash < 0 ? spec : spec.substring(0, slash);
        if (!List.of("tcp", "udp", "sctp").contains(proto) || !range.matches("\\d{1,5}(-\\d{1,5})?")) {
            throw invalid(change, "\"" + spec + "\" is not a port (PORT[/PROTOCOL] or START-END[/PROTOCOL])");
        }
        String[] ends = range.split("-");
        int first = Integer.parseInt(ends[0]);
        int last = ends.length > 1 ? Integer.parseInt(ends[1]) : first;
        if (first < 1 || last > 65535 || last < first) {
            throw invalid(change, "\"" + spec + "\" is not a port range within 1-65535");
        }
        List<String> result = new ArrayList<>();
        for (int p = first; p <= last; p++) {
            result.add(p + "/" + proto);
        }
        return result;
    }

    private static EngineException invalid(String change, String why) {
        return new EngineException("invalid change \"" + change + "\": " + why);
    }
}
