package org.losslab.scene;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.losslab.engine.EngineException;
import org.losslab.engine.coco.IouType;

/**
 * The small dataset bundled as {@code /coco} (assets/coco, written by its generate.py): a ground truth of 30 images,
 * their pictures, and three detectors' results, each with one kind of error. The readers take files, so the
 * bundle is copied once to a temporary folder; each detector's report is computed once.
 */
public final class CocoBundle {
    /** The detectors, by the name of their results file. */
    public static final List<String> DETECTORS = List.of("duplicates", "localisation", "misses");
    private static Path folder;
    private static final Map<String, CocoReport> REPORTS = new ConcurrentHashMap<>();

    private CocoBundle() {
    }

    /** The folder holding gt.json, the results and images/ (copied from the application on first use). */
    public static synchronized Path folder() {
        if (folder == null) {
            try {
                Path dir = Files.createTempDirectory("losslab-coco");
                Files.createDirectories(dir.resolve("images"));
                copy("gt.json", dir);
                for (String d : DETECTORS) {
                    copy(d + ".json", dir);
                }
                for (int i = 1; i <= 30; i++) {
                    copy(String.format("images/img%02d.png", i), dir);
                }
                dir.toFile().deleteOnExit();
                folder = dir;
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled dataset cannot be copied: " + e.getMessage(), e);
            }
        }
        return folder;
    }

    private static void copy(String name, Path dir) throws IOException {
        try (InputStream in = CocoBundle.class.getResourceAsStream("/coco/" + name)) {
            if (in == null) {
                throw new IOException("/coco/" + name + " is missing from the application");
            }
            Path out = dir.resolve(name);
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            out.toFile().deleteOnExit();
        }
    }

    public static Path groundTruth() {
        return folder().resolve("gt.json");
    }

    public static Path results(String detector) {
        check(detector, "dataset");
        return folder().resolve(detector + ".json");
    }

    public static Path images() {
        return folder().resolve("images");
    }

    /** Rejects a name that is not a bundled detector, naming where it was written. */
    public static void check(String detector, String where) {
        if (!DETECTORS.contains(detector)) {
            throw new EngineException(where + ": unknown bundled detector '" + detector + "' (" + String.join(", ", DETECTORS) + ")");
        }
    }

    /** The detector's report on the bundled ground truth (bbox), computed once. */
    public static CocoReport report(String detector) {
        check(detector, "dataset");
        return REPORTS.computeIfAbsent(detector, d -> {
            try {
                return CocoReport.compute(groundTruth(), results(d), IouType.BBOX, (what, fraction) -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
