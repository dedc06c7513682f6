package org.losslab.scene;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import org.losslab.engine.coco.CocoInstances;
import org.losslab.engine.coco.IntList;
import org.losslab.engine.coco.PolygonBatch;
import org.losslab.engine.coco.Rle;

/**
 * Reads the {@code segmentation} of annotations and results: an RLE (compressed string or uncompressed list of
 * counts, with its own {@code size}) becomes the row's mask at once; polygons wait, their numbers kept in one flat
 * array, until the image sizes are known ({@link #rasterise}), since a file may list its images last.
 */
final class CocoSegmentations {
    private final CocoTokens tokens;
    private final CocoInstances rows;
    private double[] coords = new double[1024];
    private int coordCount;
    private final IntList partFrom = new IntList(64);
    private final IntList partLength = new IntList(64);
    /** Per waiting row: row, first part, part count, 1 when the parts are boxes. */
    private final IntList waiting = new IntList(64);

    CocoSegmentations(CocoTokens tokens, CocoInstances rows) {
        this.tokens = tokens;
        this.rows = rows;
    }

    /** Reads the value at the parser for row {@code row}. */
    void read(int row) throws IOException {
        JsonToken t = tokens.parser.currentToken();
        if (t == JsonToken.START_OBJECT) {
            readRle(row);
        } else if (t == JsonToken.START_ARRAY) {
            readPolygons(row);
        } else {
            throw tokens.error("segmentation", "expected polygons or an RLE, got " + tokens.describe());
        }
    }

    /** A box as pycocotools draws a result without a segmentation: the polygon of its corners. */
    void rectangle(int row, double x, double y, double w, double h) {
        int first = partFrom.size();
        ensureCoords(8);
        double x2 = x + w;
        double y2 = y + h;
        double[] corners = {x, y, x, y2, x2, y2, x2, y};
        partFrom.add(coordCount);
        partLength.add(8);
        System.arraycopy(corners, 0, coords, coordCount, 8);
        coordCount += 8;
        wait(row, first, 1, false);
    }

    private void readRle(int row) throws IOException {
        IntList runs = rows.runs();
        int offset = runs.size();
        int length = -1;
        int h = -1;
        int w = -1;
        for (String field = tokens.nextField(); field != null; field = tokens.nextField()) {
            if ("size".equals(field)) {
                tokens.expect(JsonToken.START_ARRAY, "segmentation.size", "[height, width]");
                tokens.next();
                h = tokens.dimension("segmentation.size[0]");
                tokens.next();
                w = tokens.dimension("segmentation.size[1]");
                if (tokens.next() != JsonToken.END_ARRAY) {
                    throw tokens.error("segmentation.size", "expected [height, width]");
                }
            } else if ("counts".equals(field)) {
                length = readCounts(runs);
            } else {
                tokens.parser.skipChildren();
            }
        }
        if (length < 0 || h < 0) {
            throw tokens.error("segmentation", "an RLE needs both size and counts");
        }
        if (!Rle.coversImage(runs.array(), offset, length, h, w)) {
            runs.truncate(offset);
            throw tokens.error("segmentation", "malformed RLE: its counts do not add up to " + h + " x " + w + " pixels");
        }
        rows.setMask(row, offset, length, h, w);
    }

    private int readCounts(IntList runs) throws IOException {
        String where = "segmentation.counts";
        JsonToken t = tokens.parser.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            int n = Rle.fromString(tokens.parser.getTextCharacters(), tokens.parser.getTextOffset(),
                    tokens.parser.getTextLength(), runs);
            if (n < 0) {
                throw tokens.error(where, "malformed RLE: not COCO's compressed counts");
            }
            return n;
        }
        tokens.expect(JsonToken.START_ARRAY, where, "a string or a list of counts");
        int n = 0;
        while (tokens.next() != JsonToken.END_ARRAY) {
            long c = tokens.parser.currentToken() == JsonToken.VALUE_NUMBER_INT ? tokens.parser.getLongValue() : -1;
            if (c < 0 || c > Integer.MAX_VALUE) {
                throw tokens.error(where + "[" + n + "]", "malformed RLE: " + tokens.parser.getText() + " is not a count");
            }
            runs.add((int) c);
            n++;
        }
        return n;
    }

    private void readPolygons(int row) throws IOException {
        int first = partFrom.size();
        int parts = 0;
        boolean boxes = false;
        while (tokens.next() != JsonToken.END_ARRAY) {
            if (tokens.parser.currentToken() != JsonToken.START_ARRAY) {
                tokens.expect(JsonToken.START_ARRAY, part(parts), "a polygon (a list of x, y numbers)");
            }
            int from = coordCount;
            while (tokens.next() != JsonToken.END_ARRAY) {
                ensureCoords(1);
                double v = tokens.finiteAt("segmentation", parts);
                if (Math.abs(v) > 4e8) {
                    throw tokens.error(part(parts), "malformed polygon: coordinate " + v + " is out of range");
                }
                coords[coordCount++] = v;
            }
            int n = coordCount - from;
            if (parts == 0) {
                boxes = n == 4; // frPyObjects reads a list whose first part has 4 numbers as boxes
                if (n < 4) {
                    throw tokens.error(part(parts), "malformed polygon: " + n + " numbers (at least 3 points needed)");
                }
            } else if (boxes ? n != 4 : n < 2) {
                throw tokens.error(part(parts), "malformed polygon: " + n + " numbers"
                        + (boxes ? " where the first part's 4 make every part a box [x, y, w, h]" : ""));
            }
            partFrom.add(from);
            partLength.add(n);
            parts++;
        }
        if (parts == 0) {
            throw tokens.error("segmentation", "malformed polygon: an empty list");
        }
        wait(row, first, parts, boxes);
    }

    private static String part(int index) {
        return "segmentation[" + index + "]";
    }

    private void wait(int row, int firstPart, int parts, boolean boxes) {
        waiting.add(row);
        waiting.add(firstPart);
        waiting.add(parts);
        waiting.add(boxes ? 1 : 0);
    }

    private void ensureCoords(int more) {
        if (coordCount + more > coords.length) {
            coords = Arrays.copyOf(coords, Math.max(coordCount + more, coords.length * 2));
        }
    }

    /** Rasterises the waiting polygons of rows on evaluated images, with their image's size, on {@code threads} threads (0: all). */
    void rasterise(int[] heights, int[] widths, int threads) {
        PolygonBatch.rasterise(coords, partFrom.array(), partLength.array(), waiting.array(),
                waiting.size() / PolygonBatch.FIELDS, rows, heights, widths, threads);
        coords = new double[0];
        coordCount = 0;
    }
}
