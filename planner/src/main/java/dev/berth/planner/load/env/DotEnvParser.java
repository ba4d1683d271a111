package dev.berth.planner.load.env;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.function.Function;

import dev.berth.planner.StackException;
import dev.berth.planner.load.interpolate.Template;
import dev.berth.planner.load.interpolate.TemplateException;

/**
 * Parses the dotenv format of {@code .env}, {@code --env-file} and {@code env_file:}
 * (compose-spec 05-services.md#env_file-format, compose-go's dotenv parser): {@code #} comments
 * and blank lines, an optional {@code export } prefix, spaces around {@code =}, unquoted values
 * (trimmed, ending at a {@code #} that follows a space) and double-quoted values interpolated,
 * single-quoted values literal, escapes in double quotes, quoted values over several lines, a
 * name alone inheriting its value from the lookup, a leading UTF-8 BOM. Errors are
 * {@code FILE:LINE: problem}.
 */
public final class DotEnvParser {

    private DotEnvParser() {
    }

    /**
     * Parses {@code content}; {@code file} names it in errors. Values are interpolated against
     * {@code lookup} first, then the variables read so far from this file.
     */
    public static SequencedMap<String, String> parse(String file, String content,
                                                     Function<String, String> lookup) {
        return new Run(file, content, lookup).parse();
    }

    /**
     * Parses the {@code raw} format: each {@code NAME=VALUE} line taken as written, without
     * quotes, escapes or interpolation; blank lines and {@code #} comment lines skipped.
     */
    public static SequencedMap<String, String> parseRaw(String file, String content) {
        SequencedMap<String, String> out = new LinkedHashMap<>();
        String[] lines = stripBom(content).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = (eq < 0 ? line : line.substring(0, eq)).strip();
            checkName(file, i + 1, name);
            if (eq >= 0) {
                out.put(name, line.substring(eq + 1));
            }
        }
        return out;
    }

    private static String stripBom(String content) {
        return content.startsWith("\uFEFF") ? content.substring(1) : content;
    }

    private static void checkName(String file, int line, String name) {
        if (name.isEmpty()) {
            throw new StackException(file + ":" + line + ": a variable name is missing before \"=\"");
        }
        for (char c : name.toCharArray()) {
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                throw new StackException(file + ":" + line + ": unexpected character \"" + c
                        + "\" in variable name \"" + name + "\"");
            }
        }
    }

    /** One parse: a cursor over the text and the variables read so far. */
    private static final class Run {
        private final String file;
        private final String text;
        private final Function<String, String> lookup;
        private final SequencedMap<String, String> vars = new LinkedHashMap<>();
        private int pos;
        private int line = 1;

        Run(String file, String content, Function<String, String> lookup) {
            this.file = file;
            this.text = stripBom(content).replace("\r\n", "\n");
            this.lookup = lookup;
        }

        SequencedMap<String, String> parse() {
            while (pos < text.length()) {
                skipBlankAndComments();
                if (pos >= text.length()) {
                    break;
                }
                statement();
            }
            return vars;
        }

        private void skipBlankAndComments() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (c == ' ' || c == '\t' || c == '\r') {
                    pos++;
                } else if (c == '#') {
                    skipToLineEnd();
                } else {
                    return;
                }
            }
        }

        private void skipToLineEnd() {
            while (pos < text.length() && text.charAt(pos) != '\n') {
                pos++;
            }
        }

        private void statement() {
            int startLine = line;
            int end = lineEnd();
            String head = text.substring(pos, end);
            int eq = head.indexOf('=');
            String name = (eq < 0 ? head : head.substring(0, eq)).strip();
            if (name.startsWith("export ") || name.startsWith("export\t")) {
                name = name.substring("export".length()).strip();
            }
            if (eq < 0) {
                int hash = name.indexOf(" #");
                name = (hash < 0 ? name : name.substring(0, hash)).strip();
                checkName(file, startLine, name);
                String inherited = lookup.apply(name);
                if (inherited != null) {
                    vars.put(name, inherited);
                }
                pos = end;
                return;
            }
            checkName(file, startLine, name);
            pos += eq + 1;
            while (pos < end && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
            char first = pos < text.length() ? text.charAt(pos) : '\n';
            String value = first == '"' || first == '\'' ? quoted(first, startLine) : unquoted();
            vars.put(name, value);
        }

        private int lineEnd() {
            int nl = text.indexOf('\n', pos);
            return nl < 0 ? text.length() : nl;
        }

        private String unquoted() {
            int end = lineEnd();
            String raw = text.substring(pos, end);
            for (int i = 1; i < raw.length(); i++) {
                if (raw.charAt(i) == '#' && Character.isWhitespace(raw.charAt(i - 1))) {
                    raw = raw.substring(0, i);
                    break;
                }
            }
            pos = end;
            return interpolate(raw.strip(), line);
        }

        private String quoted(char quote, int startLine) {
            int start = pos + 1;
            int i = start;
            int lines = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\n') {
                    lines++;
                } else if (c == quote && text.charAt(i - 1) != '\\') {
                    break;
                }
                i++;
            }
            if (i >= text.length()) {
                int nl = text.indexOf('\n', pos);
                String shown = text.substring(pos, nl < 0 ? text.length() : nl);
                throw new StackException(file + ":" + startLine + ": unterminated quoted value " + shown
                        + " (add the closing " + quote + ")");
            }
            String body = text.substring(start, i);
            line += lines;
            pos = i + 1;
            int end = lineEnd();
            String rest = text.substring(pos, end).strip();
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                throw new StackException(file + ":" + line + ": unexpected text after the closing quote: "
                        + rest + " (quote the whole value)");
            }
            pos = end;
            return quote == '\'' ? body : interpolate(unescape(body), startLine);
        }

        private String interpolate(String value, int at) {
            try {
                return new Template(name -> {
                    String v = lookup.apply(name);
                    return v != null ? v : vars.get(name);
                }, name -> { }).substitute(value);
            } catch (TemplateException e) {
                String what = e.invalidFormat() ? "invalid interpolation format: \"" + e.getMessage()
                        + "\"; you may need to escape any $ with another $" : e.getMessage();
                throw new StackException(file + ":" + at + ": " + what);
            }
        }

        /** Shell escapes of a double-quoted value; {@code \$} becomes {@code $$} so it stays literal. */
        private static String unescape(String body) {
            StringBuilder out = new StringBuilder(body.length());
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c != '\\' || i + 1 == body.length()) {
                    out.append(c);
                    continue;
                }
                char n = body.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'v' -> out.append('\u000B');
                    case '\\', '"', '\'' -> out.append(n);
                    case '$' -> out.append("$$");
                    default -> out.append('\\').append(n);
                }
            }
            return out.toString();
        }
    }
}
