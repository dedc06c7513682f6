package org.losslab.engine.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EuclideanTransformTest {

    /** min over seeds of ((dx sx)^2 + (dy sy)^2) + (dz sz)^2 summed from the last axis to the first, as scipy on (x, y, z). */
    static double bruteForce(boolean[] seed, int[] shape, double[] spacing, int cell) {
        int[] at = coordinates(cell, shape);
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < seed.length; j++) {
            if (!seed[j]) {
                continue;
            }
            int[] other = coordinates(j, shape);
            double sum = 0;
            for (int a = shape.length - 1; a >= 0; a--) {
                double delta = (other[a] - at[a]) * spacing[a];
                sum += delta * delta;
            }
            best = Math.min(best, sum);
        }
        return best;
    }

    static int[] coordinates(int flat, int[] shape) {
        int[] at = new int[shape.length];
        for (int a = shape.length - 1; a >= 0; a--) {
            at[a] = flat % shape[a];
            flat /= shape[a];
        }
        return at;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void everyDimensionAndSpacingEqualsTheBruteForceBitForBit(int seed) {
        Random r = new Random(seed);
        int dims = 1 + seed % 4;
        int[] shape = new int[dims];
        double[] spacing = new double[dims];
        int size = 1;
        for (int a = 0; a < dims; a++) {
            shape[a] = 1 + r.nextInt(dims == 4 ? 5 : 9);
            spacing[a] = 0.2 + 3 * r.nextDouble();
            size *= shape[a];
        }
        boolean[] seeds = new boolean[size];
        for (int i = 0; i < size; i++) {
            seeds[i] = r.nextDouble() < 0.08;
        }
        seeds[r.nextInt(size)] = true;
        double[] field = EuclideanTransform.squared(seeds, shape, spacing);
        for (int i = 0; i < size; i++) {
            assertEquals(bruteForce(seeds, shape, spacing, i), field[i], 0.0, "cell " + i);
        }
    }

    @Test
    void noSeedLeavesEveryCellInfinite() {
        double[] field = EuclideanTransform.squared(new boolean[4 * 5 * 6], new int[] {4, 5, 6}, new double[] {1, 2, 3});
        for (double v : field) {
            assertEquals(Double.POSITIVE_INFINITY, v);
        }
    }

    @Test
    void aGridLargeEnoughToRunOnAllCoresGivesTheSameDistances() {
        Random r = new Random(42);
        int[] shape = {40, 90, 80};
        double[] spacing = {2.5, 0.7, 0.9};
        boolean[] seeds = new boolean[40 * 90 * 80];
        for (int k = 0; k < 150; k++) {
            seeds[r.nextInt(seeds.length)] = true;
        }
        double[] field = EuclideanTransform.squared(seeds, shape, spacing);
        for (int k = 0; k < 300; k++) {
            int cell = r.nextInt(seeds.length);
            assertEquals(bruteForce(seeds, shape, spacing, cell), field[cell], 0.0, "cell " + cell);
        }
    }

    @Test
    void onlyTheWantedLinesOfTheFirstAxisAreFinished() {
        int[] shape = {6, 5};
        boolean[] seeds = new boolean[30];
        seeds[0] = true;
        double[] field = new double[30];
        for (int i = 0; i < 30; i++) {
            field[i] = seeds[i] ? 0 : Double.POSITIVE_INFINITY;
        }
        boolean[] wanted = new boolean[5];
        wanted[3] = true;
        EuclideanTransform.squaredInPlace(field, shape, new double[] {1.5, 0.5}, wanted);
        for (int y = 0; y < 6; y++) {
            int cell = y * 5 + 3;
            assertEquals(bruteForce(seeds, shape, new double[] {1.5, 0.5}, cell), field[cell], 0.0);
        }
        assertTrue(Double.isInfinite(field[5 * 5 + 4]), "a line not wanted keeps the first passes' value");
    }
}
