package dev.berth.engine;

import dev.berth.engine.core.Healthcheck;

import java.util.List;
import java.util.Map;

/**
 * An image and its configuration, as {@code docker image inspect} shows them.
 *
 * @param entrypoint  the Entrypoint, or null when it has none
 * @param cmd         the Cmd, or null when it has none
 * @param workingDir  the WorkingDir, or null
 * @param user        the User, or null
 * @param stopSignal  the StopSignal, or null
 * @param healthcheck the Healthcheck, or null
 * @param layers      the DiffIDs of its layers ({@code sha256:…}), bottom first
 */
public record ImageDetails(ImageView image, String architecture, String os, List<String> env,
                           List<String> entrypoint, List<String> cmd, String workingDir, String user,
                           List<String> exposedPorts, List<String> volumes, Map<String, String> labels,
                           String stopSignal, Healthcheck healthcheck, List<String> layers) {

}
