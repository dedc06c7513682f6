package org.losslab.engine.frame;

import java.util.Random;

/**
 * The benchmark's binary scene of N x N pixels (the same as the PyTorch reference script): the target
 * is a disc of radius 0.2 N centred at row 0.4 N, column 0.5 N; the logits are standard normal noise
 * (fixed seed) plus 3 inside the disc and minus 3 outside.
 */
public final class StandardScene {
    public final int size;
    public final int[] target;
    public final double[] logits;

    public StandardScene(int size) {
        this.size = size;
        int n = size * size;
        target = new int[n];
        logits = new double[n];
        Random random = new Random(0);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                double dy = y - size * 0.4;
                double dx = x - size * 0.5;
                target[i] = dy * dy + dx * dx < (size * 0.2) * (size * 0.2) ? 1 : 0;
                logits[i] = random.nextGaussian() + 3 * (2 * target[i] - 1);
            }
        }
    }
}
