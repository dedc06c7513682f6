package org.losslab.engine.coco;

import java.util.Arrays;

/**
 * Annotations or results as flat columns, one row per object: its image and category (indices into the dataset's
 * sorted ids, -1 when pycocotools would not evaluate it), id, score, area, crowd flag, box [x, y, w, h] and, for
 * segmentation, its mask as a slice of one shared run-length pool. Rows keep the file's order, which decides ties.
 */
public final class CocoInstances {
    private int size;
    private int[] image = new int[16];
    private int[] category = new int[16];
    private long[] id = new long[16];
    private double[] score = new double[16];
    private double[] area = new double[16];
    private boolean[] crowd = new boolean[16];
    private double[] box = new double[64];
    private int[] maskOffset = new int[16];
    private int[] maskLength = new int[16];
    private int[] maskHeight = new int[16];
    private int[] maskWidth = new int[16];
    /** Every mask's runs, one after the other. */
    private final IntList runs = new IntList(16);

    public int size() {
        return size;
    }

    /** Adds a row without a mask and returns its index. */
    public int add(int imageIndex, int categoryIndex, long objectId, double objectScore, double objectArea,
            boolean isCrowd, double x, double y, double w, double h) {
        if (size == image.length) {
            grow();
        }
        int i = size++;
        image[i] = imageIndex;
        category[i] = categoryIndex;
        id[i] = objectId;
        score[i] = objectScore;
        area[i] = objectArea;
        crowd[i] = isCrowd;
        box[4 * i] = x;
        box[4 * i + 1] = y;
        box[4 * i + 2] = w;
        box[4 * i + 3] = h;
        maskOffset[i] = -1;
        return i;
    }

    /** The pool a row's mask runs are appended to before {@link #setMask}. */
    public IntList runs() {
        return runs;
    }

    /** Gives row i the mask whose runs are {@code runs()[offset, offset + length)}, on an h x w image. */
    public void setMask(int i, int offset, int length, int h, int w) {
        maskOffset[i] = offset;
        maskLength[i] = length;
        maskHeight[i] = h;
        maskWidth[i] = w;
    }

    public void setImage(int i, int imageIndex) {
        image[i] = imageIndex;
    }

    public void setCategory(int i, int categoryIndex) {
        category[i] = categoryIndex;
    }

    public void setId(int i, long objectId) {
        id[i] = objectId;
    }

    public void setCrowd(int i, boolean isCrowd) {
        crowd[i] = isCrowd;
    }

    public void setScore(int i, double objectScore) {
        score[i] = objectScore;
    }

    public void setArea(int i, double objectArea) {
        area[i] = objectArea;
    }

    public void setBox(int i, double x, double y, double w, double h) {
        box[4 * i] = x;
        box[4 * i + 1] = y;
        box[4 * i + 2] = w;
        box[4 * i + 3] = h;
    }

    public int image(int i) {
        return image[i];
    }

    public int category(int i) {
        return category[i];
    }

    public long id(int i) {
        return id[i];
    }

    public double score(int i) {
        return score[i];
    }

    public double area(int i) {
        return area[i];
    }

    public boolean crowd(int i) {
        return crowd[i];
    }

    /** The boxes, four numbers a row. */
    public double[] boxes() {
        return box;
    }

    public boolean hasMask(int i) {
        return maskOffset[i] >= 0;
    }

    public int maskOffset(int i) {
        return maskOffset[i];
    }

    public int maskLength(int i) {
        return maskLength[i];
    }

    public int maskHeight(int i) {
        return maskHeight[i];
    }

    public int maskWidth(int i) {
        return maskWidth[i];
    }

    private void grow() {
        int n = size * 2;
        image = Arrays.copyOf(image, n);
        category = Arrays.copyOf(category, n);
        id = Arrays.copyOf(id, n);
        score = Arrays.copyOf(score, n);
        area = Arrays.copyOf(area, n);
        crowd = Arrays.copyOf(crowd, n);
        box = Arrays.copyOf(box, 4 * n);
        maskOffset = Arrays.copyOf(maskOffset, n);
        maskLength = Arrays.copyOf(maskLength, n);
        maskHeight = Arrays.copyOf(maskHeight, n);
        maskWidth = Arrays.copyOf(maskWidth, n);
    }
}
