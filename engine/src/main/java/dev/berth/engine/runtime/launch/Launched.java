package dev.berth.engine.runtime.launch;

/**
 * A container whose command was exec'd.
 *
 * @param monitorPid the launcher's outer process, which outlives the engine and records the exit
 * @param initPid    the host PID of the container's PID 1
 */
public record Launched(long monitorPid, long initPid) {
}
