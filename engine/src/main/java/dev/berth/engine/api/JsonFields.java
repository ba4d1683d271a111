package dev.berth.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads fields of a request body as clients send them: absent and {@code null} mean the zero value. */
final class JsonFields {

    private JsonFields() {
    }

    /**
     * A boolean field; absent or null is false.
     *
     * @throws ApiException 400 when it is not a boolean
     */
    static boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("invalid JSON: " + field + " must be a boolean, not " + value);
        }
        return value.booleanValue();
    }

    /**
     * A string field; absent or null is null.
     *
     * @throws ApiException 400 when it is not a string
     */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid JSON: " + field + " must be a string, not " + value);
        }
        return value.asText();
    }

    /**
     * A list of strings; absent or null is empty, and a lone string is a list of one (as Docker's
     * {@code strslice} reads {@code Cmd}).
     *
     * @throws ApiException 400 when it is neither
     */
    static List<String> strings(JsonNode body, String field) {
        JsonNode value = body.get(field);
        List<String> list = new ArrayList<>();
        if (value == null || value.isNull()) {
            return list;
        }
        if (value.isTextual()) {
            list.add(value.asText());
            return list;
        }
        if (!value.isArray()) {
            throw ApiException.badRequest("invalid JSON: " + field + " must be a list of strings, not " + value);
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw ApiException.badRequest("invalid JSON: " + field + " must be a list of strings, not " + value);
            }
            list.add(item.asText());
        }
        return list;
    }
}
