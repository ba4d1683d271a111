package dev.berth.engine.runtime;

/**
 * A container's state at the moment a wait began: a later exit is one whose run differs from the
 * run seen here (a start records a new {@code startedAt}, an exit a new {@code finishedAt}).
 *
 * @param startedAt  RFC 3339, null before the first start
 * @param finishedAt RFC 3339, null while running and before the first exit
 */
public record ExitMark(String id, boolean live, String startedAt, String finishedAt, int exitCode) {

    static ExitMark of(ContainerState s) {
        return new ExitMark(s.id(), s.live(), s.startedAt(), s.finishedAt(), s.exitCode());
    }

    /** True when {@code s} is an exit that happened after this mark. */
    boolean exitedSince(ContainerState s) {
        return !s.live() && s.finishedAt() != null
                && !(s.finishedAt().equals(finishedAt) && java.util.Objects.equals(s.startedAt(), startedAt));
    }
}
