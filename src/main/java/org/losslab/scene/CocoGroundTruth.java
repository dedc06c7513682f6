package org.losslab.scene;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import org.losslab.engine.coco.CocoInstances;
import org.losslab.engine.coco.IouType;

/**
 * A COCO instances file as pycocotools' {@code COCO} indexes it: images and categories by sorted id, and the
 * annotations COCOeval evaluates (those on a listed image with a listed category) with their image and category
 * as indices. Annotation ids must be unique (pycocotools would silently evaluate the last of a repeated id twice).
 */
final class CocoGroundTruth {
    private final CocoTokens tokens;
    private final IouType type;
    long[] imageIds = new long[64];
    int[] heights = new int[64];
    int[] widths = new int[64];
    private int images;
    long[] categoryIds = new long[16];
    private int categories;
    final CocoInstances annotations = new CocoInstances();
    private long[] rawImage = new long[64];
    private long[] rawCategory = new long[64];
    private final CocoSegmentations segmentations;
    private final double[] boxScratch = new double[4];

    CocoGroundTruth(CocoTokens tokens, IouType type) {
        this.tokens = tokens;
        this.type = type;
        this.segmentations = new CocoSegmentations(tokens, annotations);
    }

    void readImages() throws IOException {
        tokens.expect(JsonToken.START_ARRAY, "images", "an array");
        while (tokens.nextObject("images", images)) {
            long id = Long.MIN_VALUE;
            int h = -1;
            int w = -1;
            for (String field = tokens.nextField(); field != null; field = tokens.nextField()) {
                switch (field) {
                    case "id" -> id = tokens.id("id");
                    case "height" -> h = tokens.dimension("height");
                    case "width" -> w = tokens.dimension("width");
                    default -> tokens.parser.skipChildren();
                }
            }
            if (id == Long.MIN_VALUE) {
                throw tokens.error("id", "missing");
            }
            if (images == imageIds.length) {
                imageIds = Arrays.copyOf(imageIds, images * 2);
                heights = Arrays.copyOf(heights, images * 2);
                widths = Arrays.copyOf(widths, images * 2);
            }
            imageIds[images] = id;
            heights[images] = h;
            widths[images] = w;
            images++;
        }
    }

    void readCategories() throws IOException {
        tokens.expect(JsonToken.START_ARRAY, "categories", "an array");
        while (tokens.nextObject("categories", categories)) {
            long id = Long.MIN_VALUE;
            for (String field = tokens.nextField(); field != null; field = tokens.nextField()) {
                if ("id".equals(field)) {
                    id = tokens.id("id");
                } else {
                    tokens.parser.skipChildren();
                }
            }
            if (id == Long.MIN_VALUE) {
                throw tokens.error("id", "missing");
            }
            if (categories == categoryIds.length) {
                categoryIds = Arrays.copyOf(categoryIds, categories * 2);
            }
            categoryIds[categories++] = id;
        }
    }

    void readAnnotations() throws IOException {
        tokens.expect(JsonToken.START_ARRAY, "annotations", "an array");
        int index = 0;
        while (tokens.nextObject("annotations", index)) {
            readAnnotation();
            index++;
        }
    }

    private void readAnnotation() throws IOException {
        int row = annotations.add(-1, -1, 0, 0, Double.NaN, false, 0, 0, 0, 0);
        long id = Long.MIN_VALUE;
        long image = Long.MIN_VALUE;
        long category = Long.MIN_VALUE;
        boolean crowd = false;
        double[] box = null;
        boolean segmentation = false;
        for (String field = tokens.nextField(); field != null; field = tokens.nextField()) {
            switch (field) {
                case "id" -> {
                    id = tokens.id("id");
                    tokens.entryId(id);
                }
                case "image_id" -> image = tokens.id("image_id");
                case "category_id" -> category = tokens.id("category_id");
                case "area" -> annotations.setArea(row, tokens.finite("area"));
                case "iscrowd" -> crowd = tokens.flag("iscrowd");
                case "bbox" -> box = readBox(boxScratch);
                case "segmentation" -> {
                    if (type == IouType.SEGM) {
                        segmentations.read(row);
                        segmentation = true;
                    } else {
                        tokens.parser.skipChildren();
                    }
                }
                default -> tokens.parser.skipChildren();
            }
        }
        if (id == Long.MIN_VALUE || image == Long.MIN_VALUE || category == Long.MIN_VALUE) {
            throw tokens.error(id == Long.MIN_VALUE ? "id" : image == Long.MIN_VALUE ? "image_id" : "category_id",
                    "missing");
        }
        if (Double.isNaN(annotations.area(row))) {
            throw tokens.error("area", "missing (COCOeval's area ranges read it)");
        }
        if (type == IouType.BBOX && box == null) {
            throw tokens.error("bbox", "missing");
        }
        if (type == IouType.SEGM && !segmentation) {
            throw tokens.error("segmentation", "missing");
        }
        if (box != null) {
            annotations.setBox(row, box[0], box[1], box[2], box[3]);
        }
        annotations.setId(row, id);
        annotations.setCrowd(row, crowd);
        if (row == rawImage.length) {
            rawImage = Arrays.copyOf(rawImage, row * 2);
            rawCategory = Arrays.copyOf(rawCategory, row * 2);
        }
        rawImage[row] = image;
        rawCategory[row] = category;
    }

    /** Reads [x, y, w, h] into {@code box} and returns it. */
    private double[] readBox(double[] box) throws IOException {
        int n = tokens.numbers("bbox", box);
        if (n != 4) {
            throw tokens.error("bbox", "expected [x, y, width, height], got " + n + " numbers");
        }
        return box;
    }

    /** Resolves ids to sorted indices, checks ids are unique, and rasterises the polygons on {@code threads} threads (0: all). */
    void finish(int threads) {
        long[] sortedImages = CocoJson.unique(imageIds, images);
        int[] h = new int[sortedImages.length];
        int[] w = new int[sortedImages.length];
        for (int i = 0; i < images; i++) {
            int at = Arrays.binarySearch(sortedImages, imageIds[i]);
            h[at] = heights[i];
            w[at] = widths[i];
        }
        imageIds = sortedImages;
        heights = h;
        widths = w;
        categoryIds = CocoJson.unique(categoryIds, categories);
        int n = annotations.size();
        for (int row = 0; row < n; row++) {
            int image = Arrays.binarySearch(imageIds, rawImage[row]);
            int category = Arrays.binarySearch(categoryIds, rawCategory[row]);
            annotations.setImage(row, image >= 0 ? image : -1);
            annotations.setCategory(row, category >= 0 ? category : -1);
            if (type == IouType.SEGM && image >= 0 && heights[image] < 0) {
                throw tokens.error("images (id " + imageIds[image] + ")", "height and width: missing (segm needs them)");
            }
        }
        checkUniqueIds(n);
        if (type == IouType.SEGM) {
            segmentations.rasterise(heights, widths, threads);
        }
        rawImage = null;
        rawCategory = null;
    }

    private void checkUniqueIds(int n) {
        long[] ids = new long[n];
        for (int row = 0; row < n; row++) {
            ids[row] = annotations.id(row);
        }
        Arrays.sort(ids);
        for (int i = 1; i < n; i++) {
            if (ids[i] == ids[i - 1]) {
                throw tokens.error("annotations (id " + ids[i] + ")", "this id is given to two annotations");
            }
        }
    }

    int imageIndex(long id) {
        return Arrays.binarySearch(imageIds, id);
    }
}
