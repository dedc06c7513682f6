package org.losslab.scene;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.losslab.engine.coco.CocoDataset;
import org.losslab.engine.coco.CocoInstances;
import org.losslab.engine.coco.IouType;

/**
 * Reads COCO instances (ground truth) and detection results as pycocotools' {@code COCO} and {@code loadRes} do,
 * streaming (no document tree: memory grows with the objects, a few dozen bytes each, not with the text), into
 * the engine's flat columns. A problem is one line naming the file, the entry and what is wrong.
 */
public final class CocoJson {
    /** Jackson's bundled fast double parser: the same doubles (correctly rounded), a third of the time. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private CocoJson() {
    }

    /** The ground truth and the results, ready for {@code CocoEvaluation.run}. */
    public static CocoDataset read(Path groundTruth, Path results, IouType type) throws IOException {
        CocoGroundTruth gt = readGroundTruth(groundTruth, type);
        CocoInstances dt = CocoResultsJson.read(results, gt, type);
        return new CocoDataset(gt.imageIds, gt.categoryIds, gt.annotations, dt);
    }

    /** Opens a file for streaming, saying in one line when it cannot. */
    static JsonParser open(Path file) throws IOException {
        try {
            return FACTORY.createParser(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new SceneException(file + ": no such file");
        }
    }

    /** A parse error as one line: the file, the position, the parser's complaint. */
    static SceneException notJson(Path file, JsonProcessingException e) {
        var at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new SceneException(file + ": not valid JSON" + where + ": " + e.getOriginalMessage());
    }

    static CocoGroundTruth readGroundTruth(Path file, IouType type) throws IOException {
        try (JsonParser parser = open(file)) {
            CocoTokens tokens = new CocoTokens(parser, file.toString());
            CocoGroundTruth gt = new CocoGroundTruth(tokens, type);
            tokens.next();
            tokens.expect(JsonToken.START_OBJECT, "the file", "a COCO instances object");
            while (tokens.next() != JsonToken.END_OBJECT) {
                String field = parser.currentName();
                tokens.next();
                switch (field) {
                    case "images" -> gt.readImages();
                    case "categories" -> gt.readCategories();
                    case "annotations" -> gt.readAnnotations();
                    default -> parser.skipChildren();
                }
            }
            gt.finish();
            return gt;
        } catch (JsonProcessingException e) {
            throw notJson(file, e);
        }
    }

    /** Sorted distinct values, as numpy's unique. */
    static long[] unique(long[] values, int n) {
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || sorted[m - 1] != sorted[i]) {
                sorted[m++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, m);
    }
}
