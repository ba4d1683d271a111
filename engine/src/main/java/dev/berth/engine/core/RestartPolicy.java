package dev.berth.engine.core;

/**
 * A container's restart policy, as Docker's {@code HostConfig.RestartPolicy} and
 * {@code docker run --restart} give it.
 *
 * @param name       {@code no}, {@code always}, {@code on-failure} or {@code unless-stopped}
 * @param maxRetries for {@code on-failure}: how many restarts at most, 0 for no limit; 0 otherwise
 * @see <a href="https://docs.docker.com/engine/containers/start-containers-automatically/">Docker: restart policies</a>
 */
public record RestartPolicy(String name, int maxRetries) {

    public static final RestartPolicy NO = new RestartPolicy("no", 0);

    public RestartPolicy {
        if (!name.equals("no") && !name.equals("always") && !name.equals("on-failure")
                && !name.equals("unless-stopped")) {
            throw new EngineException("invalid restart policy: unknown policy '" + name
                    + "'; use one of: 'no', 'always', 'on-failure', or 'unless-stopped'");
        }
        if (maxRetries < 0) {
            throw new EngineException("invalid restart policy: maximum retry count must be a positive number");
        }
        if (maxRetries > 0 && !name.equals("on-failure")) {
            throw new EngineException("invalid restart policy: maximum retry count can only be used with"
                    + " 'on-failure'");
        }
    }

    /**
     * Parses {@code no}, {@code always}, {@code unless-stopped} or {@code on-failure[:N]}; an empty
     * text is {@code no}, as Docker takes it.
     *
     * @throws EngineException with Docker's words when it names no policy
     */
    public static RestartPolicy parse(String text) {
        if (text == null || text.isEmpty()) {
            return NO;
        }
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        if (colon < 0) {
            return new RestartPolicy(name, 0);
        }
        if (!name.equals("on-failure")) {
            throw new EngineException("invalid restart policy format: maximum retry count can only be used with"
                    + " 'on-failure'");
        }
        try {
            return new RestartPolicy(name, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new EngineException("invalid restart policy format: maximum retry count must be an integer", e);
        }
    }

    /** True when a container that ended restarts under some condition. */
    public boolean restarts() {
        return !name.equals("no");
    }

    @Override
    public String toString() {
        return maxRetries > 0 ? name + ":" + maxRetries : name;
    }
}
