package org.losslab.scene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.losslab.engine.coco.CocoDataset;
import org.losslab.engine.coco.CocoEvaluation;
import org.losslab.engine.coco.CocoSummary;
import org.losslab.engine.coco.CocoTide;
import org.losslab.engine.coco.ImageCost;
import org.losslab.engine.coco.IouType;

/**
 * Everything the dataset view and the {@code coco:} lesson values show of a detector's results on a ground truth:
 * COCOeval's evaluation and summary, TIDE over the dataset, the images' cost and the names of images and categories.
 */
public record CocoReport(Path groundTruth, Path results, CocoDataset data, CocoEvaluation evaluation,
                         CocoSummary summary, CocoTide tide, ImageCost cost, CocoCatalogue catalogue) {

    /** Told before each phase; throws {@link CancellationException} to stop between phases. */
    public interface Progress {
        void phase(String what, double fraction);
    }

    public static CocoReport compute(Path groundTruth, Path results, IouType type, Progress progress)
            throws IOException {
        progress.phase("reading " + groundTruth.getFileName() + " and " + results.getFileName(), 0);
        CocoDataset data = CocoJson.read(groundTruth, results, type);
        progress.phase("matching and accumulating (COCOeval)", 0.3);
        CocoEvaluation evaluation = CocoEvaluation.run(data, type, 0);
        CocoSummary summary = new CocoSummary(evaluation);
        progress.phase("TIDE over " + data.images() + " images", 0.6);
        CocoTide tide = CocoTide.run(data, 0);
        progress.phase("images' cost and names", 0.9);
        ImageCost cost = ImageCost.of(tide);
        CocoCatalogue catalogue = CocoCatalogue.read(groundTruth, data.imageIds(), data.categoryIds());
        progress.phase("done", 1);
        return new CocoReport(groundTruth, results, data, evaluation, summary, tide, cost, catalogue);
    }
}
