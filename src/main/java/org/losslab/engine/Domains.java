package org.losslab.engine;

import java.util.List;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.box.ClassificationData;
import org.losslab.engine.dense.DenseData;
import org.losslab.engine.dense.DistributionData;
import org.losslab.engine.detect.DetectionsData;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.ssd.MultiboxData;
import org.losslab.engine.train.ImageData;

/** The input domains of the registry, one per scene block. */
public final class Domains {
    private Domains() {
    }

    public static final Domain<SegmentationData> SEGMENTATION =
            new Domain<>("segmentation", SegmentationData.class, List.of("prediction"));

    public static final Domain<BoxPairs> BOXES = new Domain<>("boxes", BoxPairs.class, List.of("predicted"));

    public static final Domain<ClassificationData> CLASSIFICATION =
            new Domain<>("classification", ClassificationData.class, List.of("logits"));

    public static final Domain<MultiboxData> MULTIBOX =
            new Domain<>("multibox", MultiboxData.class, List.of("locs", "scores"));

    public static final Domain<DetectionsData> DETECTIONS =
            new Domain<>("detections", DetectionsData.class, List.of());

    public static final Domain<DenseData> DENSE = new Domain<>("dense", DenseData.class, List.of("logits"));

    public static final Domain<DistributionData> DISTRIBUTIONS =
            new Domain<>("distributions", DistributionData.class, List.of("logits"));

    /** Not read by any loss: the features of the training playground's pixel model. */
    public static final Domain<ImageData> IMAGE = new Domain<>("image", ImageData.class, List.of());
}
