package dev.berth.planner.load.canonical;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;

/**
 * Byte sizes as the Compose Specification writes them ({@code 11-extension.md}: {@code 2b},
 * {@code 1024kb}, {@code 2048k}, {@code 300m}, {@code 1gb}; units are powers of 1024 as in Docker),
 * turned into a number of bytes, printed as text as Compose prints them. The arithmetic is exact:
 * a fraction of a byte is dropped, and a size past {@link Long#MAX_VALUE} bytes is refused rather
 * than rounded.
 */
public final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b)?");

    private ByteSizes() {
    }

    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /**
     * The number of bytes {@code text} stands for.
     *
     * @throws IllegalArgumentException when it is not a size, or a size too large; the message
     *                                  says which and follows the quoted text in an error
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("is not a size (write it like 512m, 1g or a number of bytes)");
        }
        int power = "_kmgtp".indexOf(m.group(2).isEmpty() ? "_" : m.group(2));
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        if (bytes.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("is more than " + Long.MAX_VALUE + " bytes, the largest size there is");
        }
        return bytes.longValue();
    }

    /**
     * The size node as its number of bytes in decimal text ({@code "67108864"}), as compose-go's
     * {@code types.UnitBytes} prints in YAML and JSON, or a located error naming the key.
     */
    static Node canonical(Node node, String path) {
        if (!(node instanceof ScalarNode s) || s.value() == null) {
            return node;
        }
        try {
            long bytes = s.value() instanceof Long l ? l : parse(s.asText());
            return Nodes.keep(s, Nodes.str(Long.toString(bytes), s.location()));
        } catch (IllegalArgumentException e) {
            throw new StackException(s.location() + ": " + path + ": \"" + s.asText() + "\" " + e.getMessage());
        }
    }
}
