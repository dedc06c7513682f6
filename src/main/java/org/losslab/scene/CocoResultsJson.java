package org.losslab.scene;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.losslab.engine.coco.CocoInstances;
import org.losslab.engine.coco.IouType;
import org.losslab.engine.coco.IntList;
import org.losslab.engine.coco.MaskGeometry;

/**
 * A results file as pycocotools' {@code loadRes} reads it: every result on an image of the ground truth, ids 1, 2,
 * ... in file order, and the first result deciding for all: with a {@code bbox}, area = w * h (and, for segm, the
 * box's rectangle when there is no segmentation); without, the mask's area and (when absent) its box.
 */
final class CocoResultsJson {
    private final CocoTokens tokens;
    private final IouType type;
    private final CocoInstances results = new CocoInstances();
    private final CocoSegmentations segmentations;
    /** Rows whose area (and box, when flagged 1) come from their mask once it is rasterised: row, flag. */
    private final IntList fromMask = new IntList(16);
    private static final double[] NO_BOX = new double[0];
    private final double[] box = new double[4];
    /** Decided by the first result: its bbox makes every area w * h. */
    private Boolean boxesGiven;

    /** The ids as written, resolved against the ground truth once both files are read. */
    private long[] rawImage = new long[64];
    private long[] rawCategory = new long[64];

    private CocoResultsJson(CocoTokens tokens, IouType type) {
        this.tokens = tokens;
        this.type = type;
        this.segmentations = new CocoSegmentations(tokens, results);
    }

    /** Reads a results file; it needs no ground truth until {@link #resolve}, so both can be read at once. */
    static CocoResultsJson parse(Path file, IouType type) throws IOException {
        try (JsonScanner parser = CocoJson.open(file)) {
            CocoTokens tokens = new CocoTokens(parser, file.toString());
            CocoResultsJson reader = new CocoResultsJson(tokens, type);
            tokens.next();
            tokens.expect(JsonToken.START_ARRAY, null, "an array of results");
            while (tokens.nextObject("result", reader.results.size())) {
                reader.readResult();
            }
            if (tokens.next() != null) {
                throw tokens.error(null, "text after the array of results");
            }
            return reader;
        }
    }

    /** The results with images and categories as the ground truth's indices, masks rasterised: loadRes's checks. */
    CocoInstances resolve(CocoGroundTruth gt, int threads) {
        for (int row = 0; row < results.size(); row++) {
            int image = gt.imageIndex(rawImage[row]);
            if (image < 0) {
                tokens.entry("result", row);
                throw tokens.error(null, "image_id " + rawImage[row] + " is not an image of the ground truth");
            }
            results.setImage(row, image);
            int category = Arrays.binarySearch(gt.categoryIds, rawCategory[row]);
            results.setCategory(row, category >= 0 ? category : -1);
        }
        finish(gt, threads);
        return results;
    }

    private void readResult() throws IOException {
        int row = results.size();
        results.add(-1, -1, row + 1, Double.NaN, 0, false, 0, 0, 0, 0);
        long image = Long.MIN_VALUE;
        long category = Long.MIN_VALUE;
        double[] box = null;
        boolean segmentation = false;
        for (String field = tokens.nextField(); field != null; field = tokens.nextField()) {
            switch (field) {
                case "image_id" -> image = tokens.id("image_id");
                case "category_id" -> category = tokens.id("category_id");
                case "score" -> results.setScore(row, tokens.finite("score"));
                case "bbox" -> box = readBox();
                case "segmentation" -> {
                    if (type == IouType.SEGM || boxesGiven != Boolean.TRUE) {
                        segmentations.read(row);
                        segmentation = true;
                    } else {
                        tokens.parser.skipChildren();
                    }
                }
                default -> tokens.parser.skipChildren();
            }
        }
        if (boxesGiven == null) {
            boxesGiven = box != null && box.length > 0;
        }
        if (image == Long.MIN_VALUE) {
            throw tokens.error("image_id", "missing");
        }
        if (category == Long.MIN_VALUE) {
            throw tokens.error("category_id", "missing");
        }
        if (Double.isNaN(results.score(row))) {
            throw tokens.error("score", "missing");
        }
        if (row == rawImage.length) {
            rawImage = Arrays.copyOf(rawImage, row * 2);
            rawCategory = Arrays.copyOf(rawCategory, row * 2);
        }
        rawImage[row] = image;
        rawCategory[row] = category;
        if (boxesGiven) {
            if (box == null || box.length != 4) {
                throw tokens.error("bbox", (box == null ? "missing" : "empty") + " (the first result has a box, so every result needs [x, y, width, height])");
            }
            results.setBox(row, box[0], box[1], box[2], box[3]);
            results.setArea(row, box[2] * box[3]);
            if (type == IouType.SEGM && !segmentation) {
                segmentations.rectangle(row, box[0], box[1], box[2], box[3]);
            }
        } else {
            if (!segmentation) {
                throw tokens.error("segmentation", "missing (the first result has no bbox, so every result needs one)");
            }
            if (box != null && box.length == 4) {
                results.setBox(row, box[0], box[1], box[2], box[3]);
            }
            fromMask.add(row);
            fromMask.add(box == null || box.length == 0 ? 1 : 0);
        }
    }

    /** [x, y, w, h] in the reader's one box array, or an empty array for {@code []}. */
    private double[] readBox() throws IOException {
        int n = tokens.numbers("bbox", box);
        if (n != 4 && n != 0) {
            throw tokens.error("bbox", "expected [x, y, width, height], got " + n + " numbers");
        }
        return n == 4 ? box : NO_BOX;
    }

    private void finish(CocoGroundTruth gt, int threads) {
        segmentations.rasterise(gt.heights, gt.widths, threads);
        MaskGeometry.areasAndBoxes(results, fromMask.array(), fromMask.size() / 2, threads);
    }
}
