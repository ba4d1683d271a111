package dev.berth.engine.layer;

/**
 * What applying one layer did.
 *
 * @param entries how many tar entries were applied (whiteouts and opaque markers included)
 */
public record LayerApplyReport(int entries) {
}
