package org.losslab.engine.distance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DistanceCacheTest {

    @Test
    void aRepeatedMaskIsTransformedOnceAndAnEditedMaskAgain() {
        Random random = new Random(7);
        int height = 23;
        int width = 31;
        boolean[] mask = new boolean[height * width];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < 0.1;
        }
        double[] first = DistanceCache.distance(mask, height, width);
        assertArrayEquals(DistanceTransform.distance(mask, height, width), first, 0.0);
        assertSame(first, DistanceCache.distance(mask.clone(), height, width), "same content, same transform");

        // The cache keeps its own copy of the key: editing the caller's mask must not alias the cached entry.
        mask[0] = !mask[0];
        double[] edited = DistanceCache.distance(mask, height, width);
        assertArrayEquals(DistanceTransform.distance(mask, height, width), edited, 0.0);
        mask[0] = !mask[0];
        assertSame(first, DistanceCache.distance(mask, height, width));

        // Same pixels read as another shape are another mask.
        double[] transposed = DistanceCache.distance(mask, width, height);
        assertArrayEquals(DistanceTransform.distance(mask, width, height), transposed, 0.0);
    }
}
