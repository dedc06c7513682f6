package org.losslab.engine.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndexSortTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 31, 32, 33, 100, 1000, 4097})
    void sortsDescendingAndKeepsTiesInIndexOrderLikeAStableSort(int n) {
        Random r = new Random(n);
        double[] keys = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = r.nextInt(10); // many ties
        }
        int[] expected = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -keys[i])).mapToInt(Integer::intValue).toArray();
        assertArrayEquals(expected, IndexSort.descending(keys, n));
    }
}
