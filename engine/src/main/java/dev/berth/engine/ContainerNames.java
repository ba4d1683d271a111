package dev.berth.engine;

import java.security.SecureRandom;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Names for containers created without one, in Docker's {@code adjective_surname} shape:
 * a harbour mood and a navigator, mapmaker or lighthouse keeper ({@code steady_magellan}). The
 * creator retries with a new name when one is taken.
 */
final class ContainerNames {

    private static final List<String> ADJECTIVES = List.of(
            "anchored", "ashore", "becalmed", "bold", "brackish", "breezy", "briny", "buoyant", "calm", "coastal",
            "docked", "drifting", "eager", "fathomless", "foggy", "gallant", "gentle", "gusty", "hardy", "hazy",
            "inland", "jaunty", "keen", "leeward", "limber", "lucky", "misty", "moored", "nautical", "nimble",
            "outbound", "patient", "quiet", "rested", "rolling", "rugged", "salty", "seaworthy", "serene", "shipshape",
            "sheltered", "spry", "starboard", "steady", "stout", "sturdy", "sunny", "swift", "tidal", "trusty",
            "vivid", "wakeful", "wandering", "weathered", "windward", "wiry", "zesty");

    private static final List<String> SURNAMES = List.of(
            "abruzzi", "amundsen", "baffin", "barents", "bering", "bougainville", "bransfield", "cabot", "cabral",
            "cartier", "champlain", "cook", "dampier", "darling", "dezhnev", "dias", "drake", "dumont", "eannes",
            "flinders", "frobisher", "gama", "gosnold", "hakluyt", "hudson", "ibnmajid", "janszoon", "kotzebue",
            "krusenstern", "laperouse", "lazarev", "magellan", "mercator", "nansen", "nordenskiold", "ortelius",
            "parry", "peary", "piri", "polo", "raleigh", "ross", "sacagawea", "scoresby", "shackleton", "smeaton",
            "stevenson", "tasman", "torres", "vancouver", "vespucci", "waghenaer", "weddell", "zheng");

    private final RandomGenerator random;

    ContainerNames(RandomGenerator random) {
        this.random = random;
    }

    static ContainerNames secure() {
        return new ContainerNames(new SecureRandom());
    }

    /** A new name; from the second try on, a digit is appended, as Docker does when names collide. */
    String next(int attempt) {
        String name = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "_"
                + SURNAMES.get(random.nextInt(SURNAMES.size()));
        return attempt == 0 ? name : name + random.nextInt(10);
    }
}
