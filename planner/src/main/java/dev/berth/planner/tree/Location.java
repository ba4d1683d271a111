package dev.berth.planner.tree;

/**
 * Where a value was written: the file as the user named it ({@code -} for standard input) and the
 * 1-based line and column. Line 0 means the position is unknown (the value was made by berth).
 */
public record Location(String file, int line, int column) {

    /** A value berth made itself, with no place in any file. */
    public static final Location NONE = new Location("", 0, 0);

    public static Location of(String file) {
        return new Location(file, 0, 0);
    }

    public boolean known() {
        return line > 0;
    }

    /** {@code file:line:column}, or only the file when the position is unknown. */
    @Override
    public String toString() {
        if (!known()) {
            return file;
        }
        return file + ":" + line + ":" + column;
    }
}
