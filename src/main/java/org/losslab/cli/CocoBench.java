package org.losslab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench --coco GT DT}: the whole {@code coco-eval} process (a {@code java -jar losslab.jar} child) against
 * the whole pycocotools process (the official COCOeval through oracles/cocoapi/oracle.py, built by its build.sh)
 * on the same files in the same run: wall time and CPU time of each, whether their numbers agree, the ratio last.
 */
final class CocoBench {
    /** Linux's clock ticks a second for /proc's times (sysconf(_SC_CLK_TCK) is 100 on every Linux port). */
    private static final double TICKS = 100;

    private CocoBench() {
    }

    /** A child process's wall and CPU seconds and what it printed. */
    private record Run(double wall, double cpu, String out, int status) {
    }

    static int run(Path gt, Path dt, String iouType, Path cocoapi, String python) throws Exception {
        Path jar = jar();
        if (jar == null) {
            System.err.println("bench: no target/losslab.jar (build it with mvn -q -DskipTests package)");
            return 1;
        }
        Path built = Files.createTempFile("losslab-coco-", ".json");
        try {
            Run build = child(List.of("bash", cocoapi.resolve("build.sh").toString()), null);
            if (build.status != 0) {
                System.err.println("bench: cannot build pycocotools with " + cocoapi.resolve("build.sh") + ": " + build.out.strip());
                return 1;
            }
            String pythonPath = build.out.strip().lines().reduce((a, b) -> b).orElse("");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Run ours = child(List.of(java, "-jar", jar.toString(), "coco-eval", "--gt", gt.toString(), "--dt", dt.toString(),
                    "--iou-type", iouType, "--json", built.toString()), null);
            if (ours.status != 0) {
                System.err.print("bench: coco-eval failed: " + ours.out);
                return 1;
            }
            Run theirs = child(List.of(python, cocoapi.resolve("oracle.py").toString(), gt.toString(), dt.toString(), iouType),
                    pythonPath);
            if (theirs.status != 0) {
                System.err.print("bench: pycocotools failed: " + theirs.out);
                return 1;
            }
            System.out.print(ours.out);
            report(ours, theirs, built, pythonPath);
            return 0;
        } finally {
            Files.deleteIfExists(built);
        }
    }

    private static void report(Run ours, Run theirs, Path built, String pythonPath) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(built.toFile());
        String text = theirs.out.strip();
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
                ours.wall, ours.cpu);
        System.out.printf(Locale.ROOT, "pycocotools (oracle.py with PYTHONPATH=%s, whole process): %.2f s wall, %.2f s CPU"
                + " (COCO + loadRes + evaluate + accumulate + summarize: %.2f s)%n", pythonPath, theirs.wall, theirs.cpu,
                b.path("seconds").asDouble(Double.NaN));
        System.out.printf(Locale.ROOT, "numbers %s: largest difference %.3g over %d values (12 stats, per-category AP/AP50/AP75)%n",
                sameNulls && worst <= 1e-12 ? "equal" : "DIFFERENT", worst, compared);
        System.out.printf(Locale.ROOT, "coco_cpu_ratio=%.1f%n", theirs.cpu / ours.cpu);
        System.out.printf(Locale.ROOT, "coco_ratio=%.1f (pycocotools wall / coco-eval wall)%n", theirs.wall / ours.wall);
    }

    /** The jar this runs from, else target/losslab.jar, else null. */
    private static Path jar() throws Exception {
        Path here = Path.of(CocoBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (here.toString().endsWith(".jar")) {
            return here;
        }
        Path built = Path.of("target", "losslab.jar");
        return Files.isRegularFile(built) ? built : null;
    }

    /** Runs a command to its end, timing it; CPU from the children's times /proc gives this process once reaped. */
    private static Run child(List<String> command, String pythonPath) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (pythonPath != null) {
            pb.environment().put("PYTHONPATH", pythonPath);
        }
        double cpuBefore = childrenCpu();
        long start = System.nanoTime();
        Process process = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(0, 0, "timed out after 30 minutes\n", 1);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new Run(wall, childrenCpu() - cpuBefore, out.toString(StandardCharsets.UTF_8), process.exitValue());
    }

    /** User + system seconds of this process's finished children (fields 16 and 17 of /proc/self/stat); NaN elsewhere. */
    private static double childrenCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): cutime (16) and cstime (17) are fields[13] and fields[14]
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
