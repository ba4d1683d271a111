package dev.berth.engine.image;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code history} of an image config (OCI image-spec {@code config.md}), oldest step first, each
 * step paired with the layer it made: steps marked {@code empty_layer} made none, the others take
 * the image's layers in order. An image whose config has no history gets one step per layer.
 */
public final class ImageHistory {

    /**
     * One step.
     *
     * @param created   when it was made (RFC 3339), or null
     * @param createdBy the command that made it, or ""
     * @param comment   its comment, or ""
     * @param layerSize the size of the layer it made as stored, 0 for a step without a layer
     */
    public record Step(String created, String createdBy, String comment, long layerSize) {
    }

    private ImageHistory() {
    }

    /**
     * @param config     the raw config blob
     * @param what       names the config in errors
     * @param layerSizes the stored size of each layer, bottom first
     */
    static List<Step> parse(byte[] config, String what, List<Long> layerSizes) {
        ObjectNode root = Json.parseObject(config, what);
        List<Step> steps = new ArrayList<>();
        int layer = 0;
        for (JsonNode h : root.path("history")) {
            boolean empty = h.path("empty_layer").asBoolean(false);
            long size = !empty && layer < layerSizes.size() ? layerSizes.get(layer++) : 0;
            steps.add(new Step(Json.text(h, "created"), text(h, "created_by"), text(h, "comment"), size));
        }
        while (layer < layerSizes.size()) {
            // layers that no history step accounts for (a config without history)
            steps.add(new Step(Json.text(root, "created"), "", "", layerSizes.get(layer++)));
        }
        return steps;
    }

    private static String text(JsonNode node, String field) {
        String value = Json.text(node, field);
        return value == null ? "" : value;
    }
}
