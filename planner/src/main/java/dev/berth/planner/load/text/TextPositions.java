package dev.berth.planner.load.text;

import dev.berth.planner.tree.Location;

/**
 * The line and column of a place in a text, counted as YAML counts them (YAML 1.2 §5.4, and so
 * snakeyaml-engine's marks): {@code \n}, {@code \r\n} and a lone {@code \r} end a line, and so do
 * U+0085, U+2028 and U+2029; columns count code points.
 */
public final class TextPositions {

    private TextPositions() {
    }

    /** Where the character at {@code index} of {@code text} is, in {@code file}; 1-based. */
    public static Location at(String file, CharSequence text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c) || i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))) {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    /** The index of the code point number {@code codePoint} (0-based) of {@code text}. */
    public static int indexOfCodePoint(CharSequence text, int codePoint) {
        int index = 0;
        for (int n = 0; n < codePoint && index < text.length(); n++) {
            boolean pair = Character.isHighSurrogate(text.charAt(index)) && index + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(index + 1));
            index += pair ? 2 : 1;
        }
        return index;
    }
}
