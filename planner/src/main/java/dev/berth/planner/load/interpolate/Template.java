package dev.berth.planner.load.interpolate;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Substitutes variables in one string as compose-spec 12-interpolation.md (and compose-go's
 * template package) defines it: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+alternative}},
 * {@code ${VAR+alternative}}, nested templates in the default/alternative/error (evaluated only
 * when used), {@code $$} for a literal {@code $}. A {@code $} followed by anything else is kept.
 * Templates may nest {@value #MAX_NESTING} levels deep, which bounds the stack a text can take.
 */
public final class Template {

    /** How deep templates may nest inside defaults, alternatives and error texts. */
    public static final int MAX_NESTING = 100;

    private final Function<String, String> variables;
    private final Consumer<String> unsetVariables;

    /**
     * @param environment    the variables
     * @param unsetVariables told the name of each variable used without a default while unset
     */
    public Template(Map<String, String> environment, Consumer<String> unsetVariables) {
        this(environment::get, unsetVariables);
    }

    /**
     * @param variables      a variable's value by name, null when unset
     * @param unsetVariables told the name of each variable used without a default while unset
     */
    public Template(Function<String, String> variables, Consumer<String> unsetVariables) {
        this.variables = variables;
        this.unsetVariables = unsetVariables;
    }

    /** The text with every template replaced; throws {@link TemplateException}. */
    public String substitute(String text) {
        return substitute(text, 0);
    }

    private String substitute(String text, int depth) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        if (depth > MAX_NESTING) {
            throw TemplateException.tooDeep(MAX_NESTING);
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 == text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = matchingBrace(text, i + 2);
                if (close < 0) {
                    throw TemplateException.invalidFormat(text);
                }
                out.append(braced(text.substring(i + 2, close), text, depth));
                i = close + 1;
            } else if (isNameStart(next)) {
                int end = nameEnd(text, i + 1);
                out.append(plain(text.substring(i + 1, end)));
                i = end;
            } else {
                out.append('$');
                i++;
            }
        }
        return out.toString();
    }

    private String braced(String body, String whole, int depth) {
        int end = body.isEmpty() || !isNameStart(body.charAt(0)) ? 0 : nameEnd(body, 0);
        if (end == 0) {
            throw TemplateException.invalidFormat(whole);
        }
        String name = body.substring(0, end);
        String rest = body.substring(end);
        if (rest.isEmpty()) {
            return plain(name);
        }
        // ${VAR:-x} tests "set and not empty", ${VAR-x} only "set"; likewise for ? and +.
        boolean colon = rest.startsWith(":");
        String op = colon ? rest.substring(1) : rest;
        String value = variables.apply(name);
        boolean given = colon ? value != null && !value.isEmpty() : value != null;
        String arg = op.isEmpty() ? "" : op.substring(1);
        return switch (op.isEmpty() ? ' ' : op.charAt(0)) {
            case '-' -> given ? value : substitute(arg, depth + 1);
            case '?' -> {
                if (!given) {
                    throw TemplateException.missing(name, substitute(arg, depth + 1));
                }
                yield value;
            }
            case '+' -> given ? substitute(arg, depth + 1) : "";
            default -> throw TemplateException.invalidFormat(whole);
        };
    }

    private String plain(String name) {
        String value = variables.apply(name);
        if (value == null) {
            unsetVariables.accept(name);
            return "";
        }
        return value;
    }

    /** The index of the brace closing a {@code ${} whose body starts at {@code from}, or -1. */
    private static int matchingBrace(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    private static int nameEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isNamePart(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
