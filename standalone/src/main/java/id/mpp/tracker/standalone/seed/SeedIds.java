package id.mpp.tracker.standalone.seed;

import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Random (version 4) UUIDs, as Axon and the API give messages, requests and applications, but drawn from the seed's
 * own generator: a repeated seed repeats its ids, and no entropy source is asked millions of times.
 */
final class SeedIds {

    private final RandomGenerator random;

    SeedIds(RandomGenerator random) {
        this.random = random;
    }

    String next() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
