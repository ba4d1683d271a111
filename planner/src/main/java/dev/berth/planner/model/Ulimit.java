package dev.berth.planner.model;

/** A soft and hard resource limit ({@code ulimits.nofile}). */
public record Ulimit(long soft, long hard) {
}
