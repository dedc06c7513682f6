package org.losslab.engine.distance;

import java.util.Arrays;

/**
 * Edge voxels of masks on a 2-D or 3-D C-order grid, inside a box: a mask voxel is an edge when one of
 * its 4 (2-D) or 6 (3-D) neighbours is outside the mask, the outside of the box counting as outside
 * (scipy's {@code binary_erosion} with its default cross and border 0, as MONAI). Inside the bounding
 * box of the masks that is the same as the image's border counting as outside, since nothing of either
 * mask lies beyond it, so MONAI's crop changes no edge.
 *
 * <p>A 2-D grid is held as depth 1 with {@code planar} set, so that no neighbour is looked for across
 * the missing third axis.
 *
 * @param depth  the grid's depth (1 for 2-D)
 * @param height the grid's height
 * @param width  the grid's width
 * @param planar true for a 2-D grid
 */
record EdgeVoxels(int depth, int height, int width, boolean planar) {

    /** A box of the grid, bounds inclusive. */
    record Box(int z0, int z1, int y0, int y1, int x0, int x1) {
        int depth() {
            return z1 - z0 + 1;
        }

        int height() {
            return y1 - y0 + 1;
        }

        int width() {
            return x1 - x0 + 1;
        }

        int volume() {
            return depth() * height() * width();
        }
    }

    /** The grid of a shape {H, W} or {D, H, W}. */
    static EdgeVoxels of(int[] shape) {
        return shape.length == 2 ? new EdgeVoxels(1, shape[0], shape[1], true)
                : new EdgeVoxels(shape[0], shape[1], shape[2], false);
    }

    Box whole() {
        return new Box(0, depth - 1, 0, height - 1, 0, width - 1);
    }

    /** The smallest box holding every true voxel of both masks; null when both are empty. */
    Box union(boolean[] a, boolean[] b) {
        int z0 = depth, z1 = -1, y0 = height, y1 = -1, x0 = width, x1 = -1;
        for (int z = 0; z < depth; z++) {
            for (int y = 0; y < height; y++) {
                int row = (z * height + y) * width;
                int first = firstTrue(a, b, row, width);
                if (first < 0) {
                    continue;
                }
                z0 = Math.min(z0, z);
                z1 = z;
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                x0 = Math.min(x0, first);
                x1 = Math.max(x1, lastTrue(a, b, row, width));
            }
        }
        return z1 < 0 ? null : new Box(z0, z1, y0, y1, x0, x1);
    }

    private static int firstTrue(boolean[] a, boolean[] b, int row, int width) {
        for (int x = 0; x < width; x++) {
            if (a[row + x] | b[row + x]) {
                return x;
            }
        }
        return -1;
    }

    private static int lastTrue(boolean[] a, boolean[] b, int row, int width) {
        int x = width - 1;
        while (!(a[row + x] | b[row + x])) {
            x--;
        }
        return x;
    }

    /**
     * The mask's edge voxels inside {@code box}, as indices into the box's own C-order grid, ascending.
     * Every voxel of the mask must lie inside the box.
     */
    int[] inBox(boolean[] mask, Box box) {
        int[] found = new int[64];
        int count = 0;
        int plane = height * width;
        int boxWidth = box.width();
        int local = 0;
        for (int z = box.z0(); z <= box.z1(); z++) {
            boolean zInside = planar || (z > box.z0() && z < box.z1());
            for (int y = box.y0(); y <= box.y1(); y++) {
                boolean yzInside = zInside && y > box.y0() && y < box.y1();
                int row = (z * height + y) * width;
                for (int x = box.x0(); x <= box.x1(); x++, local++) {
                    int i = row + x;
                    if (!mask[i]) {
                        continue;
                    }
                    boolean interior = yzInside && x > box.x0() && x < box.x1() && mask[i - 1] && mask[i + 1]
                            && mask[i - width] && mask[i + width] && (planar || mask[i - plane] && mask[i + plane]);
                    if (!interior) {
                        if (count == found.length) {
                            found = Arrays.copyOf(found, Math.min(box.volume(), 2 * count));
                        }
                        found[count++] = local;
                    }
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** The edge of a mask over the whole grid, as a mask. */
    boolean[] mask(boolean[] mask) {
        boolean[] edge = new boolean[mask.length];
        for (int i : inBox(mask, whole())) {
            edge[i] = true;
        }
        return edge;
    }
}
