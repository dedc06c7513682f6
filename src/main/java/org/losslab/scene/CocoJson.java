package org.losslab.scene;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.losslab.engine.coco.CocoDataset;
import org.losslab.engine.coco.IouType;

/**
 * Reads COCO instances (ground truth) and detection results as pycocotools' {@code COCO} and {@code loadRes} do,
 * streaming (no document tree: memory grows with the objects, a few dozen bytes each, not with the text), into
 * the engine's flat columns. A problem is one line naming the file, the entry and what is wrong.
 */
public final class CocoJson {
    private CocoJson() {
    }

    /**
     * The ground truth and the results, ready for {@code CocoEvaluation.run}: the two files are read at once on two
     * threads; a problem in the ground truth is reported before one in the results.
     */
    public static CocoDataset read(Path groundTruth, Path results, IouType type) throws IOException {
        return read(groundTruth, results, type, 0);
    }

    /** As {@link #read(Path, Path, IouType)}, rasterising polygons on {@code threads} threads (0: every core). */
    public static CocoDataset read(Path groundTruth, Path results, IouType type, int threads) throws IOException {
        FutureTask<CocoResultsJson> dtTask = new FutureTask<>(() -> CocoResultsJson.parse(results, type));
        Thread reader = new Thread(dtTask, "coco-results-reader");
        reader.setDaemon(true); // a ground truth that fails need not wait for the results
        reader.start();
        CocoGroundTruth gt = readGroundTruth(groundTruth, type, threads);
        CocoResultsJson dt;
        try {
            dt = dtTask.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + results, e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
        return new CocoDataset(gt.imageIds, gt.categoryIds, gt.annotations, dt.resolve(gt, threads));
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    /** Opens a file for streaming, saying in one line when it cannot. */
    static JsonScanner open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new SceneException(file + ": a folder, not a JSON file");
        }
        try {
            return new JsonScanner(Files.newInputStream(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new SceneException(file + ": no such file");
        }
    }

    static CocoGroundTruth readGroundTruth(Path file, IouType type, int threads) throws IOException {
        try (JsonScanner parser = open(file)) {
            CocoTokens tokens = new CocoTokens(parser, file.toString());
            CocoGroundTruth gt = new CocoGroundTruth(tokens, type);
            tokens.next();
            tokens.expect(JsonToken.START_OBJECT, "the file", "a COCO instances object");
            for (String field = tokens.nextField(); field != null; field = tokens.nextField()) {
                switch (field) {
                    case "images" -> gt.readImages();
                    case "categories" -> gt.readCategories();
                    case "annotations" -> gt.readAnnotations();
                    default -> parser.skipChildren();
                }
            }
            if (tokens.next() != null) {
                throw tokens.error(null, "text after the ground truth's object");
            }
            gt.finish(threads);
            return gt;
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
