package dev.berth.engine.api;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@code h} and {@code w} of a resize request (container or exec), in rows and columns of a terminal. */
record WindowSize(int rows, int columns) {

    /**
     * Reads {@code h} and {@code w}.
     *
     * @throws ApiException 400 when one is missing, not a number, or outside 0..65535
     */
    static WindowSize of(QueryParams query) {
        return new WindowSize(dimension(query, "h"), dimension(query, "w"));
    }

    /**
     * The {@code ConsoleSize} of a body ({@code [rows, columns]}, sent by the docker CLI since API
     * 1.42); 0 by 0 when absent or null.
     *
     * @throws ApiException 400 when it is not two sizes from 0 to 65535
     */
    static WindowSize ofConsoleSize(JsonNode body) {
        JsonNode size = body.get("ConsoleSize");
        if (size == null || size.isNull()) {
            return new WindowSize(0, 0);
        }
        if (!size.isArray() || size.size() != 2 || !size.get(0).canConvertToInt() || !size.get(1).canConvertToInt()
                || size.get(0).asInt() < 0 || size.get(0).asInt() > 0xffff || size.get(1).asInt() < 0
                || size.get(1).asInt() > 0xffff) {
            throw ApiException.badRequest("invalid JSON: ConsoleSize must be [rows, columns] from 0 to 65535, not "
                    + size);
        }
        return new WindowSize(size.get(0).asInt(), size.get(1).asInt());
    }

    private static int dimension(QueryParams query, String name) {
        String value = query.get(name).orElse("");
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= 0xffff) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below with the value that was given
        }
        throw ApiException.badRequest("invalid resize parameter " + name + "=\"" + value
                + "\": expected a number of " + (name.equals("h") ? "rows" : "columns") + " from 0 to 65535");
    }
}
