package dev.berth.engine.cgroup;

/**
 * A cgroup present in some v1 hierarchies and absent from others: what a process killed while it
 * created or removed the cgroup leaves. {@link CgroupManager#removeIncomplete} clears it.
 */
public final class IncompleteCgroupException extends CgroupException {

    public IncompleteCgroupException(String message) {
        super(message);
    }
}
