package dev.berth.planner.load.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Breaks stack files the way people do: deletes, duplicates or swaps lines, changes indentation,
 * replaces values with odd scalars or with values of the wrong type, inserts interpolation and
 * quoting characters or tabs, and misspells keys.
 */
public final class StackMutator {

    private static final String[] ODD_VALUES = {"", "''", "\"\"", "-1", "0", "99999999999999999999", "1e400", ".inf",
        "~", "null", "true", "[]", "{}", "[a, [b]]", "{x: {y: z}}", "\"${\"", "\"$\"", "$$", "'", "\"", "*nope",
        "!reset", "!override", "!reset []", "0x1F", "0o17", "\"::1:2:3\"", "\"80:80:80\"", "\"a:b:c:d\"", "service:s0",
        "\"${X:?must be set}\"", "\"${X?}\"", "\"${-x}\"", "\"$${X}\"", "\"1.5.5\"", "-", "?", "|", ">", "&a x", "\"\\t\"",
        "\"\\u0000\"", "2h3m4s5", "64q", "\"..\"", "/", "\"~\"", "\"[::1]:x:80\"", "\"65536:80\"", "\"80-70:80\""};
    private static final String[] INSERTIONS = {"$", "${", "}", "${X:-", "$$", "\"", "'", "\t", ":", ": ", "- ", "#",
        "{", "[", "]", ",", "&a ", "*a ", "<<: *a", "!reset ", "!!binary ", "%", "@", "`", "\\", "\n", "\n  x: 1\n",
        "\u00a0", "\ufeff", "\r", "${X:?e}", "${X//a/b}", "${X:1}"};

    private final Random random;

    public StackMutator(Random random) {
        this.random = random;
    }

    /** {@code text} with one to three mutations. */
    public String mutate(String text) {
        String out = text;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            out = once(out);
        }
        return out;
    }

    private String once(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        switch (random.nextInt(9)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, line);
            case 2 -> {
                if (at + 1 < lines.size()) {
                    lines.set(at, lines.get(at + 1));
                    lines.set(at + 1, line);
                }
            }
            case 3 -> lines.set(at, reindent(line));
            case 4, 5 -> lines.set(at, replaceValue(line));
            case 6 -> lines.set(at, misspellKey(line));
            case 7 -> lines.set(at, insert(line, INSERTIONS[random.nextInt(INSERTIONS.length)]));
            default -> {
                return insert(text, INSERTIONS[random.nextInt(INSERTIONS.length)]);
            }
        }
        return String.join("\n", lines);
    }

    private String reindent(String line) {
        String body = line.stripLeading();
        int indent = line.length() - body.length();
        return switch (random.nextInt(4)) {
            case 0 -> " ".repeat(indent + 1) + body;
            case 1 -> " ".repeat(Math.max(0, indent - 2)) + body;
            case 2 -> "\t" + body;
            default -> " ".repeat(indent + 2) + body;
        };
    }

    private String replaceValue(String line) {
        String value = ODD_VALUES[random.nextInt(ODD_VALUES.length)];
        int colon = line.indexOf(": ");
        if (colon >= 0) {
            return line.substring(0, colon + 2) + value;
        }
        int dash = line.indexOf("- ");
        if (dash >= 0) {
            return line.substring(0, dash + 2) + value;
        }
        return line + " " + value;
    }

    private String misspellKey(String line) {
        int colon = line.indexOf(':');
        int start = line.length() - line.stripLeading().length();
        if (colon - start < 2) {
            return line;
        }
        int i = start + random.nextInt(colon - start);
        return switch (random.nextInt(3)) {
            case 0 -> line.substring(0, i) + line.substring(i + 1);
            case 1 -> line.substring(0, i) + line.charAt(i) + line.substring(i);
            default -> line.substring(0, i) + (char) ('a' + random.nextInt(26)) + line.substring(i + 1);
        };
    }

    private String insert(String text, String what) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + what + text.substring(at);
    }
}
