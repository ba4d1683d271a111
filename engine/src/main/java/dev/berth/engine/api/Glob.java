package dev.berth.engine.api;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A shell pattern as Go's {@code path.Match} reads it, which Docker uses for the {@code reference}
 * filter: {@code *} matches any run of characters but {@code /}, {@code ?} one character but
 * {@code /}, {@code [abc]}, {@code [a-z]} and {@code [^a-z]} a character class, {@code \} escapes.
 */
final class Glob {

    private final Pattern regex;

    private Glob(Pattern regex) {
        this.regex = regex;
    }

    /**
     * @throws ApiException 400 naming the pattern when it is malformed (an unclosed class, a
     *                      trailing backslash)
     */
    static Glob parse(String pattern) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i++);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '\\' -> {
                    if (i == pattern.length()) {
                        throw bad(pattern, "it ends with a backslash");
                    }
                    re.append(Pattern.quote(String.valueOf(pattern.charAt(i++))));
                }
                case '[' -> {
                    int end = pattern.indexOf(']', i + 1);
                    if (end < 0) {
                        throw bad(pattern, "a character class [ is not closed");
                    }
                    String body = pattern.substring(i, end);
                    i = end + 1;
                    boolean negated = body.startsWith("^");
                    if (negated) {
                        body = body.substring(1);
                    }
                    if (body.isEmpty()) {
                        throw bad(pattern, "a character class is empty");
                    }
                    re.append('[').append(negated ? "^/" : "").append(body.replace("\\", "\\\\")
                            .replace("[", "\\[").replace("&&", "\\&\\&")).append(']');
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return new Glob(Pattern.compile(re.toString()));
        } catch (PatternSyntaxException e) {
            throw bad(pattern, e.getDescription());
        }
    }

    private static ApiException bad(String pattern, String why) {
        return ApiException.badRequest("invalid reference filter \"" + pattern + "\": " + why);
    }

    boolean matches(String text) {
        return regex.matcher(text).matches();
    }
}
