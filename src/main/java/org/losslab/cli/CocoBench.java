package org.losslab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench --coco GT DT}: the whole {@code coco-eval} process (a {@code java -jar losslab.jar} child) against
 * the whole pycocotools process (the official COCOeval through oracles/cocoapi/oracle.py, built by its build.sh)
 * on the same files in the same run: wall time and CPU time of each, whether their numbers agree, the ratio last.
 */
final class CocoBench {
    private CocoBench() {
    }

    static int run(Path gt, Path dt, String iouType, Path cocoapi, String python) throws Exception {
        List<String> javaJar = ChildRun.javaJar();
        if (javaJar == null) {
            System.err.println("bench: no target/losslab.jar (build it with mvn -q -DskipTests package)");
            return 1;
        }
        Path built = Files.createTempFile("losslab-coco-", ".json");
        try {
            ChildRun build = ChildRun.of(List.of("bash", cocoapi.resolve("build.sh").toString()), Map.of());
            if (build.status() != 0) {
                System.err.println("bench: cannot build pycocotools with " + cocoapi.resolve("build.sh") + ": " + build.out().strip());
                return 1;
            }
            String pythonPath = build.out().strip().lines().reduce((a, b) -> b).orElse("");
            List<String> command = new java.util.ArrayList<>(javaJar);
            command.addAll(List.of("coco-eval", "--gt", gt.toString(), "--dt", dt.toString(), "--iou-type", iouType,
                    "--json", built.toString()));
            ChildRun ours = ChildRun.of(command, Map.of());
            if (ours.status() != 0) {
                System.err.print("bench: coco-eval failed: " + ours.out());
                return 1;
            }
            ChildRun theirs = ChildRun.of(List.of(python, cocoapi.resolve("oracle.py").toString(), gt.toString(), dt.toString(),
                    iouType), Map.of("PYTHONPATH", pythonPath));
            if (theirs.status() != 0) {
                System.err.print("bench: pycocotools failed: " + theirs.out());
                return 1;
            }
            System.out.print(ours.out());
            report(ours, theirs, built, pythonPath);
            return 0;
        } finally {
            Files.deleteIfExists(built);
        }
    }

    private static void report(ChildRun ours, ChildRun theirs, Path built, String pythonPath) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(built.toFile());
        String text = theirs.out().strip();
        JsonNode b = mapper.readTree(text.substring(text.lastIndexOf('\n') + 1));
        double worst = 0;
        int compared = 0;
        for (int i = 0; i < 12; i++) {
            worst = Math.max(worst, Math.abs(a.get("stats").get(i).asDouble() - b.get("stats").get(i).asDouble()));
            compared++;
        }
        boolean sameNulls = a.get("per_category").size() == b.get("per_category").size();
        for (int k = 0; sameNulls && k < a.get("per_category").size(); k++) {
            for (String key : new String[] {"ap", "ap50", "ap75"}) {
                JsonNode x = a.get("per_category").get(k).get(key);
                JsonNode y = b.get("per_category").get(k).get(key);
                sameNulls &= x.isNull() == y.isNull();
                worst = Math.max(worst, Math.abs(x.asDouble() - y.asDouble()));
                compared++;
            }
        }
        System.out.printf(Locale.ROOT, "coco-eval (java -jar losslab.jar, whole process): %.2f s wall, %.2f s CPU%n",
                ours.wall(), ours.cpu());
        System.out.printf(Locale.ROOT, "pycocotools (oracle.py with PYTHONPATH=%s, whole process): %.2f s wall, %.2f s CPU"
                + " (COCO + loadRes + evaluate + accumulate + summarize: %.2f s)%n", pythonPath, theirs.wall(), theirs.cpu(),
                b.path("seconds").asDouble(Double.NaN));
        System.out.printf(Locale.ROOT, "numbers %s: largest difference %.3g over %d values (12 stats, per-category AP/AP50/AP75)%n",
                sameNulls && worst <= 1e-12 ? "equal" : "DIFFERENT", worst, compared);
        System.out.printf(Locale.ROOT, "coco_cpu_ratio=%.1f%n", theirs.cpu() / ours.cpu());
        System.out.printf(Locale.ROOT, "coco_ratio=%.1f (pycocotools wall / coco-eval wall)%n", theirs.wall() / ours.wall());
    }
}
