package dev.berth.engine.runtime;

/**
 * The cgroup limits a container asks for, in Docker's {@code HostConfig} units; 0 means "not set".
 * Kept as plain numbers so that {@code config.json} stays readable; the cgroup attachment turns
 * them into the cgroup package's limits.
 *
 * @param memoryBytes     {@code --memory}
 * @param memorySwapBytes {@code --memory-swap}: memory plus swap, -1 unlimited, 0 Docker's default
 *                        (twice the memory when memory is set)
 * @param nanoCpus        {@code --cpus} times 10^9
 * @param pidsLimit       {@code --pids-limit}; 0 or -1 unlimited, as Docker
 */
public record ContainerLimits(long memoryBytes, long memorySwapBytes, long nanoCpus, long pidsLimit) {

    public static final ContainerLimits NONE = new ContainerLimits(0, 0, 0, 0);
}
