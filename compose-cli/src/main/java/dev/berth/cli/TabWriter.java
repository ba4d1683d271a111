package dev.berth.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out tab-separated text in columns as Go's {@code text/tabwriter} does with space padding and
 * no flags, which Docker Compose's tables use ({@code cmd/formatter/pretty.go}: min width 20,
 * padding 3). Each line is cut at its tabs into cells; the text after a line's last tab is not in a
 * column and is written as is. A column block is a run of consecutive lines that have a cell in
 * that column; each cell of a block is padded to the block's width: the widest cell plus the
 * padding, at least the min width. Widths count code points, as Go counts runes.
 *
 * @param minWidth the least width of a column, padding included
 * @param padding  the spaces added to the widest cell of a column
 */
record TabWriter(int minWidth, int padding) {

    /** The text laid out; lines end as they ended in {@code text}. */
    String format(String text) {
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.split("\t", -1));
        }
        StringBuilder out = new StringBuilder(text.length() * 2);
        format(lines, 0, lines.size(), new ArrayList<>(), out);
        return out.toString();
    }

    /** Lays out lines {@code [from, to)} whose first {@code widths.size()} columns are already sized. */
    private void format(List<String[]> lines, int from, int to, List<Integer> widths, StringBuilder out) {
        int column = widths.size();
        int start = from;
        for (int line = from; line < to; line++) {
            if (column >= lines.get(line).length - 1) {
                continue;
            }
            write(lines, start, line, widths, out);
            start = line;
            int width = minWidth;
            for (; line < to && column < lines.get(line).length - 1; line++) {
                width = Math.max(width, length(lines.get(line)[column]) + padding);
            }
            widths.add(width);
            format(lines, start, line, widths, out);
            widths.removeLast();
            start = line;
        }
        write(lines, start, to, widths, out);
    }

    private static void write(List<String[]> lines, int from, int to, List<Integer> widths, StringBuilder out) {
        for (int i = from; i < to; i++) {
            String[] cells = lines.get(i);
            for (int j = 0; j < cells.length; j++) {
                out.append(cells[j]);
                if (j < widths.size()) {
                    out.repeat(' ', widths.get(j) - length(cells[j]));
                }
            }
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
        }
    }

    private static int length(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
