package org.losslab.engine.coco;

/**
 * The polygons of many objects rasterised on all cores: blocks of objects go to the workers, each with its own
 * {@link PolygonMasks} scratch and run list, and the blocks' runs are then appended to the rows' pool in object
 * order, so the pool and every mask are what one thread would have made.
 */
public final class PolygonBatch {
    /** Objects a worker takes at a time. */
    private static final int BLOCK = 64;
    /** Ints a queued object takes in {@code objects}: row, first part, part count, 1 when the parts are boxes. */
    public static final int FIELDS = 4;

    private PolygonBatch() {
    }

    /**
     * Gives each queued object on an evaluated image (row's image index >= 0) its mask: part p of an object is
     * {@code coords[from[p], from[p] + length[p])}; the image sizes are indexed by the rows' image indices.
     */
    public static void rasterise(double[] coords, int[] from, int[] length, int[] objects, int count,
            CocoInstances rows, int[] heights, int[] widths, int threads) {
        int blocks = (count + BLOCK - 1) / BLOCK;
        IntList[] blockRuns = new IntList[blocks];
        int[] offsets = new int[count];
        int[] lengths = new int[count];
        Workers.forEach(blocks, Workers.threads(threads), 1, PolygonMasks::new, (masks, block) -> {
            IntList runs = new IntList(4096);
            int end = Math.min(count, (block + 1) * BLOCK);
            for (int k = block * BLOCK; k < end; k++) {
                int at = k * FIELDS;
                int image = rows.image(objects[at]);
                if (image < 0) {
                    lengths[k] = -1;
                    continue;
                }
                offsets[k] = runs.size();
                lengths[k] = masks.mask(coords, from, length, objects[at + 1], objects[at + 2], objects[at + 3] == 1,
                        heights[image], widths[image], runs);
            }
            blockRuns[block] = runs;
        });
        IntList pool = rows.runs();
        long total = pool.size();
        for (IntList runs : blockRuns) {
            total += runs.size();
        }
        pool.reserve(total);
        for (int block = 0; block < blocks; block++) {
            int base = pool.size();
            pool.addAll(blockRuns[block].array(), 0, blockRuns[block].size());
            blockRuns[block] = null;
            int end = Math.min(count, (block + 1) * BLOCK);
            for (int k = block * BLOCK; k < end; k++) {
                if (lengths[k] >= 0) {
                    int row = objects[k * FIELDS];
                    int image = rows.image(row);
                    rows.setMask(row, base + offsets[k], lengths[k], heights[image], widths[image]);
                }
            }
        }
    }
}
