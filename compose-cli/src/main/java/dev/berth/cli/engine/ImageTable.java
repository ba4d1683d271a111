package dev.berth.cli.engine;

import dev.berth.engine.ImageView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;


/**
 * The {@code docker images} table: one row per name (an unnamed image shows {@code <none>}),
 * columns padded as Docker's tab writer does (width at least 10, 3 spaces between columns),
 * human durations and decimal sizes with 3 significant digits.
 */
final class ImageTable {

    static final List<String> HEADER = List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
    private static final int MIN_WIDTH = 10;
    private static final int PADDING = 3;

    private ImageTable() {
    }

    static List<String> render(List<ImageView> images, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ImageView image : images) {
            String created = created(image.created(), now);
            String size = humanSize(image.size());
            if (image.names().isEmpty()) {
                rows.add(List.of("<none>", "<none>", image.shortId(), created, size));
            }
            for (ImageView.Name name : image.names()) {
                rows.add(List.of(name.repository(), name.tag() == null ? "<none>" : name.tag(), image.shortId(),
                        created, size));
            }
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size() - 1; i++) {
                widths[i] = Math.max(widths[i], Math.max(MIN_WIDTH, row.get(i).length() + PADDING));
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size() - 1; i++) {
                line.append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length()));
            }
            line.append(row.getLast());
            lines.add(line.toString());
        }
        return lines;
    }

    private static String created(String created, Instant now) {
        if (created == null) {
            return "N/A";
        }
        try {
            return humanDuration(Duration.between(Instant.parse(created), now)) + " ago";
        } catch (DateTimeParseException e) {
            return "N/A";
        }
    }

    /** Docker's {@code units.HumanDuration}. */
    static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        long minutes = d.toMinutes();
        long hours = (long) (d.toSeconds() / 3600.0 + 0.5);
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        } else if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        } else if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return d.toHours() / 24 / 365 + " years";
    }

    /** Docker's {@code units.HumanSizeWithPrecision(size, 3)}: decimal units, 3 significant digits. */
    static String humanSize(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros();
        return rounded.toPlainString() + units[unit];
    }
}
