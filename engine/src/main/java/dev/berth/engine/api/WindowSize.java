package dev.berth.engine.api;

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
