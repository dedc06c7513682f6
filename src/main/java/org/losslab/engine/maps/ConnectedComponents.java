package org.losslab.engine.maps;

/** Labels the 8-connected components of a mask (0 outside, 1..K inside), with an explicit stack. */
public final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /** Component labels 1..K per pixel, 0 off the mask; the count K is {@code max(labels)}. */
    public static int[] label(boolean[] mask, int height, int width) {
        int[] labels = new int[mask.length];
        int[] stack = new int[mask.length];
        int next = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || labels[start] != 0) {
                continue;
            }
            next++;
            int top = 0;
            stack[top++] = start;
            labels[start] = next;
            while (top > 0) {
                int i = stack[--top];
                int y = i / width;
                int x = i % width;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int ny = y + dy;
                        int nx = x + dx;
                        if (ny < 0 || nx < 0 || ny >= height || nx >= width) {
                            continue;
                        }
                        int j = ny * width + nx;
                        if (mask[j] && labels[j] == 0) {
                            labels[j] = next;
                            stack[top++] = j;
                        }
                    }
                }
            }
        }
        return labels;
    }

    public static int count(int[] labels) {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        return max;
    }
}
