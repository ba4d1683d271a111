package dev.berth.cli;

/**
 * Strings as Go's {@code encoding/json} writes them with HTML escaping off, which Docker Compose's
 * {@code --format json} output uses ({@code cmd/formatter/json.go}): {@code "} and {@code \}
 * escaped, {@code \b \f \n \r \t} by name, other control characters and U+2028, U+2029 as
 * {@code \}{@code u00XX}; a lone surrogate (invalid UTF-8 in Go) becomes U+FFFD.
 */
final class GoJsonText {

    private GoJsonText() {
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
