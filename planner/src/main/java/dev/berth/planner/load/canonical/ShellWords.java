package dev.berth.planner.load.canonical;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command string into words the way a POSIX shell would split it, without running a
 * shell: blanks separate words, single quotes keep everything literally, double quotes keep blanks
 * and honour backslash before {@code " \ $ `}, a backslash outside quotes escapes the next
 * character. No expansion of any kind (compose-spec {@code 05-services.md#command}).
 */
public final class ShellWords {

    private ShellWords() {
    }

    /** @throws IllegalArgumentException when a quote is not closed */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case ' ', '\t', '\n', '\r' -> {
                    if (inWord) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord = false;
                    }
                }
                case '\'' -> {
                    int end = line.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed single quote");
                    }
                    word.append(line, i + 1, end);
                    i = end;
                    inWord = true;
                }
                case '"' -> {
                    i = doubleQuoted(line, i + 1, word);
                    inWord = true;
                }
                case '\\' -> {
                    if (i + 1 < line.length()) {
                        char next = line.charAt(++i);
                        if (next != '\n') {
                            word.append(next);
                        }
                    }
                    inWord = true;
                }
                default -> {
                    word.append(c);
                    inWord = true;
                }
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the double-quoted text starting at {@code from}; returns the index of the closing quote. */
    private static int doubleQuoted(String line, int from, StringBuilder word) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                char next = line.charAt(++i);
                if (next != '\n') {
                    word.append(next);
                }
            } else {
                word.append(c);
            }
        }
        throw new IllegalArgumentException("unclosed double quote");
    }
}
