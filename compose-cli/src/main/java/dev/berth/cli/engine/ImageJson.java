package dev.berth.cli.engine;

import dev.berth.engine.core.Healthcheck;

import dev.berth.engine.ImageView;
import dev.berth.engine.ImageDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;


/** The JSON shapes of the image commands, named as {@code docker image inspect} names them. */
final class ImageJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ImageJson() {
    }

    static String summaryLine(ImageView i) throws JsonProcessingException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ID", i.id());
        m.put("RepoTags", i.repoTags());
        m.put("Created", i.created());
        m.put("Size", i.size());
        return MAPPER.writeValueAsString(m);
    }

    static Map<String, Object> details(ImageDetails config) {
        ImageView summary = config.image();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", summary.id());
        m.put("RepoTags", summary.repoTags());
        m.put("RepoDigests", summary.repoDigests());
        m.put("Created", summary.created());
        m.put("Architecture", config.architecture());
        m.put("Os", config.os());
        m.put("Size", summary.size());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("User", config.user() == null ? "" : config.user());
        c.put("ExposedPorts", emptyObjects(config.exposedPorts()));
        c.put("Env", config.env().isEmpty() ? null : config.env());
        c.put("Cmd", config.cmd());
        c.put("Healthcheck", config.healthcheck() == null ? null : healthcheck(config.healthcheck()));
        c.put("Volumes", emptyObjects(config.volumes()));
        c.put("WorkingDir", config.workingDir() == null ? "" : config.workingDir());
        c.put("Entrypoint", config.entrypoint());
        c.put("Labels", config.labels().isEmpty() ? null : config.labels());
        c.put("StopSignal", config.stopSignal());
        m.put("Config", c);
        m.put("RootFS", Map.of("Type", "layers", "Layers", config.layers()));
        return m;
    }

    private static Map<String, Object> healthcheck(Healthcheck h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Test", h.test());
        m.put("Interval", h.interval().toNanos());
        m.put("Timeout", h.timeout().toNanos());
        m.put("StartPeriod", h.startPeriod().toNanos());
        m.put("StartInterval", h.startInterval().toNanos());
        m.put("Retries", h.retries());
        return m;
    }

    private static Map<String, Object> emptyObjects(List<String> keys) {
        if (keys.isEmpty()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k, Map.of()));
        return m;
    }
}
