package dev.berth.engine.core;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses human sizes the way Docker's {@code RAMInBytes} does: a decimal number, an optional
 * binary unit {@code b k m g t p} (case-insensitive, 1024-based) and an optional {@code i}/{@code b}
 * tail, so {@code 256m}, {@code 1.5g}, {@code 64MiB} and {@code 1048576} all parse.
 */
public final class ByteSize {

    private static final Pattern SIZE =
            Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

    private ByteSize() {
    }

    /**
     * Returns the number of bytes {@code text} stands for.
     *
     * @throws IllegalArgumentException {@code invalid size: 'TEXT'} when it is not a size
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid size: '" + text + "'");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid size: '" + text + "'", e);
        }
        int shift = m.group(2) == null ? 0 : switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 50;
        };
        BigDecimal bytes = number.multiply(BigDecimal.valueOf(2).pow(shift));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("invalid size: '" + text + "' (too large)");
        }
        return bytes.longValue();
    }
}
