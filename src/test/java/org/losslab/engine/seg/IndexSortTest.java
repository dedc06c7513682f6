package org.losslab.engine.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndexSortTest {
    /** Descending by numeric value: -0.0 and 0.0 are equal, as with {@code >=}; List.sort is stable. */
    private static Comparator<Integer> byValueDescending(double[] keys) {
        return (a, b) -> keys[a] > keys[b] ? -1 : keys[a] < keys[b] ? 1 : 0;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 31, 32, 33, 100, 1000, 4097, 70000})
    void sortsDescendingAndKeepsTiesInIndexOrderLikeAStableSort(int n) {
        Random r = new Random(n);
        double[] keys = new double[n];
        for (int i = 0; i < n; i++) {
            // many ties, negative and positive values, and -0.0 beside 0.0
            keys[i] = i % 7 == 0 ? -0.0 : r.nextInt(10) - 5 + (i % 3 == 0 ? r.nextDouble() : 0);
        }
        int[] expected = IntStream.range(0, n).boxed()
                .sorted(byValueDescending(keys)).mapToInt(Integer::intValue).toArray();
        assertArrayEquals(expected, IndexSort.descending(keys, n));
    }
}
