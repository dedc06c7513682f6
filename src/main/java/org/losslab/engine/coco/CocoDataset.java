package org.losslab.engine.coco;

/**
 * What COCOeval evaluates: the ground truth's images (sorted ids, as {@code Params.imgIds}) and categories (sorted
 * ids, as {@code Params.catIds}), its annotations and the detections, both with image and category indices into
 * those sorted ids.
 */
public record CocoDataset(long[] imageIds, long[] categoryIds, CocoInstances groundTruth, CocoInstances detections) {
    public int images() {
        return imageIds.length;
    }

    public int categories() {
        return categoryIds.length;
    }
}
