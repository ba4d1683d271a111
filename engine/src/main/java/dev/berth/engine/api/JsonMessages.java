package dev.berth.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Docker's JSON-lines progress messages ({@code jsonmessage.JSONMessage}) that berth writes. */
final class JsonMessages {

    private JsonMessages() {
    }

    /** An error told in band, after the answer's head: the docker CLI prints it and exits 1. */
    static Map<String, Object> error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errorDetail", Map.of("message", message));
        m.put("error", message);
        return m;
    }

    /** A status line ({@code {"status": …}}), such as the ID {@code docker import} prints. */
    static Map<String, Object> status(String status) {
        return Map.of("status", status);
    }
}
