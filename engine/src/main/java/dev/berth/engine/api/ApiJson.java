package dev.berth.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The JSON mapper of the API: request bodies in, response bodies out. */
public final class ApiJson {

    /**
     * Sorted map keys keep responses deterministic (Docker's own answers are Go structs in field
     * order). Unknown fields in request bodies are ignored, as Go's decoder in dockerd ignores
     * them: clients send many fields berth has no use for.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    private ApiJson() {
    }

    /** {@code value} as JSON bytes followed by a newline, as dockerd ends its JSON answers. */
    public static byte[] line(Object value) {
        try {
            byte[] json = MAPPER.writeValueAsBytes(value);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an API answer as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The mapper, for route groups that read or write their own wire-format types. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
