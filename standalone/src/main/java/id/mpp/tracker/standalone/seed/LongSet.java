package id.mpp.tracker.standalone.seed;

/**
 * A set of longs in one open-addressed array, about 16 bytes per member: a million members in a few megabytes,
 * where a {@code HashSet<Long>} would take tens.
 */
final class LongSet {

    private static final long EMPTY = 0;

    private long[] slots = new long[1 << 16];
    private boolean containsEmpty;
    private int size;

    /** Adds the value; false when it was there already. */
    boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !containsEmpty;
            containsEmpty = true;
            return added;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        boolean added = insert(slots, value);
        if (added) {
            size++;
        }
        return added;
    }

    boolean contains(long value) {
        if (value == EMPTY) {
            return containsEmpty;
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == value) {
                return true;
            }
            if (slots[i] == EMPTY) {
                return false;
            }
        }
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            if (table[i] == value) {
                return false;
            }
            if (table[i] == EMPTY) {
                table[i] = value;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long value : old) {
            if (value != EMPTY) {
                insert(slots, value);
            }
        }
    }

    private static int mix(long value) {
        long h = value * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
