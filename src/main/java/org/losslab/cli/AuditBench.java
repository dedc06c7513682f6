package org.losslab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.losslab.engine.EngineException;
import org.losslab.engine.dataset.Case;
import org.losslab.engine.dataset.CaseMetrics;
import org.losslab.scene.FolderPair;

/**
 * {@code bench --audit DIR}: the whole {@code audit} process (a {@code java -jar losslab.jar} child) against the
 * whole MONAI process ({@code ../shared/perf/monai_audit.py}'s work over a pool of as many processes as LossLab's
 * threads, through {@code bench/monai_audit_values.py}, which keeps its numbers) on DIR/labels and DIR/predictions
 * in the same run: wall and CPU time of each, whether every number equals MONAI's to its float32 rounding, the
 * ratio last.
 */
final class AuditBench {
    /** The five numbers of a (case, class) both sides give, in monai_audit.py's order. */
    private static final List<String> KEYS = List.of("dice", "hd", "hd95", "assd", "nsd");
    /**
     * Float32 ulps allowed per number. MONAI computes each in float32 from float64 distances cast to float32 (HD95
     * through torch.quantile, which {@link org.losslab.engine.distance.TorchQuantile} repeats), but with the header's
     * spacing as nibabel gives it, the float32 0.800000011920929 where LossLab takes the decimal 0.8 it stands for
     * (CONTRACTS_V3): a distance can round to the neighbouring float32, so one ulp. ASSD is torch's float32 mean of
     * thousands of distances, whose summation order LossLab does not copy: a few ulps.
     */
    private static final double[] ULPS_ALLOWED = {1, 1, 1, 8, 1};

    private AuditBench() {
    }

    /** Where the two sides are: the folder, NSD's tolerance, the pool size, Python and MONAI's files. */
    record Setup(Path folder, double tolerance, int threads, String python, Path monaiSrc, Path monaiAudit, Path wrapper) {
    }

    static int run(Setup s) throws Exception {
        String missing = checkPython(s);
        if (missing != null) {
            System.err.println("bench: " + missing);
            return 1;
        }
        List<String> javaJar = ChildRun.javaJar();
        if (javaJar == null) {
            System.err.println("bench: no target/losslab.jar (build it with mvn -q -DskipTests package)");
            return 1;
        }
        Path ours = Files.createTempFile("losslab-audit-", ".json");
        Path theirs = Files.createTempFile("losslab-monai-", ".json");
        try {
            List<String> command = new ArrayList<>(javaJar);
            command.addAll(List.of("audit", "--labels", s.folder().resolve("labels").toString(), "--predictions",
                    s.folder().resolve("predictions").toString(), "--tolerance", Double.toString(s.tolerance()), "--threads",
                    Integer.toString(s.threads()), "--json", ours.toString()));
            ChildRun java = ChildRun.of(command, Map.of());
            if (java.status() != 0) {
                System.err.print("bench: audit failed: " + java.out());
                return 1;
            }
            ChildRun monai = ChildRun.of(List.of(s.python(), s.wrapper().toString(), s.monaiAudit().toString(),
                    s.folder().toString(), Double.toString(s.tolerance()), Integer.toString(s.threads()), theirs.toString()),
                    Map.of("MONAI_SRC", s.monaiSrc().toString()));
            if (monai.status() != 0) {
                System.err.print("bench: MONAI's audit failed: " + monai.out());
                return 1;
            }
            System.out.print(java.out());
            ObjectMapper mapper = new ObjectMapper();
            Comparison c = compare(mapper.readTree(ours.toFile()), mapper.readTree(theirs.toFile()), s);
            report(java, monai, c, s.threads());
            return c.equal() ? 0 : 1;
        } finally {
            Files.deleteIfExists(ours);
            Files.deleteIfExists(theirs);
        }
    }

    /** Why Python with MONAI cannot run here, in one line, or null when it can (torch, nibabel and monai.metrics import). */
    private static String checkPython(Setup s) throws InterruptedException {
        if (!Files.isRegularFile(s.monaiAudit())) {
            return "no " + s.monaiAudit() + " (MONAI's side of the audit; give it with --monai-audit)";
        }
        if (!Files.isRegularFile(s.wrapper())) {
            return "no " + s.wrapper() + " (run from the project folder)";
        }
        try {
            ChildRun probe = ChildRun.of(List.of(s.python(), "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                    + "import torch, nibabel, monai.metrics", s.monaiSrc().toString()), Map.of());
            if (probe.status() == 0) {
                return null;
            }
            String[] lines = probe.out().strip().split("\n");
            return "MONAI cannot run with " + s.python() + " and MONAI's source in " + s.monaiSrc() + ": " + lines[lines.length - 1]
                    + " (tar xzf ../shared/oracles/monai-d388d1c.tgz -C " + s.monaiSrc() + "; Debian's python3-torch, python3-nibabel)";
        } catch (IOException e) {
            return "cannot start " + s.python() + " (" + e.getMessage() + ")";
        }
    }

    /** The largest difference of each number in float32 ulps of LossLab's value, and whether all are within bounds. */
    private record Comparison(double[] ulps, int compared, boolean equal, String first) {
    }

    private static Comparison compare(JsonNode ours, JsonNode theirs, Setup s) {
        FolderPair pair = FolderPair.open(s.folder().resolve("labels"), s.folder().resolve("predictions"),
                new FolderPair.Options(0.5, null, false));
        double[] worst = new double[KEYS.size()];
        int compared = 0;
        String first = null;
        for (int i = 0; i < pair.size(); i++) {
            JsonNode mine = ours.get("cases").get(i);
            String name = mine.get("case").asText();
            JsonNode other = theirs.get("cases").get(name);
            if (other == null) {
                throw new EngineException("MONAI gave no numbers for case " + name);
            }
            Case loaded = pair.load(i);
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) other::fields) {
                int k = Integer.parseInt(entry.getKey());
                JsonNode numbers = mine.get("classes").get(entry.getKey());
                double[] expected = float32Expectation(numbers, CaseMetrics.surface(loaded, k).hd95Float32());
                for (int m = 0; m < KEYS.size(); m++) {
                    double got = value(entry.getValue().get(m));
                    double ulps = ulps(expected[m], got);
                    worst[m] = Math.max(worst[m], ulps);
                    compared++;
                    if (!(ulps <= ULPS_ALLOWED[m]) && first == null) {
                        first = String.format(Locale.ROOT, "%s class %d %s: LossLab %s, MONAI %s", name, k, KEYS.get(m),
                                expected[m], got);
                    }
                }
            }
        }
        return new Comparison(worst, compared, first == null, first);
    }

    /**
     * What MONAI should give, from LossLab's numbers: each cast to float32, Dice NaN on an empty ground truth (MONAI's
     * ignore_empty), HD95 the engine's float32 torch.quantile of the same distances.
     */
    private static double[] float32Expectation(JsonNode numbers, double hd95Float32) {
        boolean emptyTruth = numbers.get("n_ref").asLong() == 0;
        double[] out = new double[KEYS.size()];
        for (int m = 0; m < KEYS.size(); m++) {
            out[m] = (float) value(numbers.get(KEYS.get(m)));
        }
        out[0] = emptyTruth ? Double.NaN : out[0];
        out[2] = hd95Float32;
        return out;
    }

    /** Both non-finite (MONAI says NaN where a mask is empty and LossLab infinity, or both NaN): 0; else the ulps apart. */
    private static double ulps(double expected, double got) {
        if (!Double.isFinite(expected) || !Double.isFinite(got)) {
            return !Double.isFinite(expected) && !Double.isFinite(got) ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(expected - got) / Math.ulp((float) Math.max(Math.abs(expected), Float.MIN_NORMAL));
    }

    private static double value(JsonNode v) {
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
        }
        return v.asDouble();
    }

    private static void report(ChildRun java, ChildRun monai, Comparison c, int threads) {
        System.out.printf(Locale.ROOT, "losslab audit (java -jar losslab.jar audit --threads %d, whole process): %.2f s wall, %.2f s CPU%n",
                threads, java.wall(), java.cpu());
        System.out.printf(Locale.ROOT, "monai (monai_audit.py's work over a pool of %d processes, whole process): %.2f s wall, %.2f s CPU%n",
                threads, monai.wall(), monai.cpu());
        StringBuilder ulps = new StringBuilder();
        for (int m = 0; m < KEYS.size(); m++) {
            ulps.append(m > 0 ? ", " : "").append(KEYS.get(m)).append(' ').append(String.format(Locale.ROOT, "%.3g", c.ulps()[m]));
        }
        System.out.printf(Locale.ROOT, "numbers %s MONAI's to its float32 rounding: %d values; largest difference in float32 ulps: %s%s%n",
                c.equal() ? "equal to" : "DIFFERENT from", c.compared(), ulps, c.equal() ? "" : " (first: " + c.first() + ")");
        System.out.printf(Locale.ROOT, "audit_cpu_ratio=%.1f%n", monai.cpu() / java.cpu());
        System.out.printf(Locale.ROOT, "audit_ratio=%.1f (MONAI wall / LossLab wall, %d threads and %d processes)%n",
                monai.wall() / java.wall(), threads, threads);
    }
}
