package dev.berth.engine.image;

import java.util.regex.Pattern;

import dev.berth.engine.core.EngineException;

/**
 * An image reference {@code [registry[:port]/]repository[:tag][@sha256:hex]}, normalised as Docker
 * does: no registry means {@code docker.io}, a one-component Docker Hub name gets
 * {@code library/}, and a reference with neither tag nor digest gets the tag {@code latest}
 * (images.md §1.1; distribution-spec grammar).
 *
 * @param registry the registry host, with port if any, e.g. {@code docker.io}
 * @param repository the repository path, e.g. {@code library/busybox}
 * @param tag the tag, or null when the reference names a digest only
 * @param digest the manifest digest, or null
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {

    public static final String DOCKER_HUB = "docker.io";

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");
    private static final Pattern REGISTRY = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?"
                    + "|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?");

    /** Parses and normalises a reference, e.g. {@code busybox} to {@code docker.io/library/busybox:latest}. */
    public static ImageReference parse(String text) {
        if (text.isEmpty()) {
            throw invalid(text, "it is empty");
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String d = rest.substring(at + 1);
            if (!Digest.isDigest(d)) {
                throw invalid(text, "\"" + d + "\" is not a digest (expected sha256:<64 hex digits>)");
            }
            digest = Digest.parse(d);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(text, "\"" + tag + "\" is not a valid tag");
            }
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.equals(first.toLowerCase(java.util.Locale.ROOT))) {
                if (!REGISTRY.matcher(first).matches()) {
                    throw invalid(text, "\"" + first + "\" is not a valid registry host");
                }
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        if (registry.equals("index.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (rest.isEmpty()) {
            throw invalid(text, "the repository name is missing");
        }
        for (String component : rest.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw invalid(text, "repository name must be lowercase letters, digits and separators . _ __ -");
            }
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        if (registry.length() + 1 + rest.length() > 255) {
            throw invalid(text, "the repository name is longer than 255 characters");
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    private static EngineException invalid(String text, String why) {
        return new EngineException("invalid reference format \"" + text + "\": " + why);
    }

    /** {@code registry/repository}, e.g. {@code docker.io/library/busybox}. */
    public String name() {
        return registry + "/" + repository;
    }

    /** The name as Docker shows it: {@code busybox}, {@code user/app}, {@code localhost:5000/app}. */
    public String familiarName() {
        if (registry.equals(DOCKER_HUB)) {
            return repository.startsWith("library/") ? repository.substring("library/".length()) : repository;
        }
        return name();
    }

    /** The familiar form, e.g. {@code busybox:latest} or {@code busybox@sha256:…}. */
    public String familiar() {
        return familiarName() + suffix();
    }

    private String suffix() {
        return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    /** The fully normalised form, e.g. {@code docker.io/library/busybox:latest}. */
    @Override
    public String toString() {
        return name() + suffix();
    }
}
