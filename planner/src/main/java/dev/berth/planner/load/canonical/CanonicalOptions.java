package dev.berth.planner.load.canonical;

/**
 * How a document is canonicalised.
 *
 * @param resolvePaths   false for {@code --no-path-resolution}: host paths stay as written
 * @param keepUnparsable true when the document was not interpolated: a service attribute whose
 *                       short syntax cannot be parsed (it holds a {@code ${VAR}} that stands for
 *                       part of it) is kept as written instead of refused, as compose-go's
 *                       {@code transform.Canonical} does with {@code ignoreParseError}
 */
public record CanonicalOptions(boolean resolvePaths, boolean keepUnparsable) {

    /** Paths resolved, unparsable values refused: the options of an interpolated load. */
    public static CanonicalOptions standard() {
        return new CanonicalOptions(true, false);
    }
}
