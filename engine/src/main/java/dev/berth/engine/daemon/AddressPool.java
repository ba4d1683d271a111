package dev.berth.engine.daemon;

/**
 * One entry of {@code default-address-pools}: networks are carved out of {@code base} (a CIDR)
 * with prefix length {@code size}, as in Docker's daemon.json.
 */
public record AddressPool(String base, int size) {
}
