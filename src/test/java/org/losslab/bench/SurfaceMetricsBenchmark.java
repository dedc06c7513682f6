package org.losslab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.losslab.engine.distance.SurfaceMetrics;
import org.losslab.scene.NiftiReader;

/**
 * HD, HD95, ASSD and NSD of every case and class of a folder of NIfTI volumes ({@code labels/}, {@code predictions/},
 * as {@code bench/make_volumes.py} writes them) with {@link SurfaceMetrics}, against MONAI's
 * compute_hausdorff_distance (max and 95), compute_average_surface_distance and compute_surface_dice on the same
 * files in the same run ({@code bench/monai_distances.py}, one process, one thread, only the metric calls timed).
 * Both sides time the metrics only: the volumes are read first. LossLab's side runs the cases on a pool of 1 and of
 * {@code THREADS} threads (5 measured rounds after 3 warm-up ones; the median round). Wall and CPU seconds are
 * printed for both (on a shared machine the CPU seconds are the steadier comparison). It also prints the largest
 * difference from MONAI's numbers (MONAI's distances are float32).
 *
 * <pre>
 * /usr/bin/python3 bench/make_volumes.py /tmp/vol24 24
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) org.losslab.bench.SurfaceMetricsBenchmark /tmp/vol24 [TOL=2] [THREADS=2]
 * </pre>
 */
public final class SurfaceMetricsBenchmark {
    private record Case(String name, int[] shape, double[] spacing, int[] reference, int[] prediction, int classes) {
    }

    private SurfaceMetricsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        double tolerance = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long reading = System.nanoTime();
        long readingCpu = os.getProcessCpuTime();
        List<Case> cases = read(dir);
        System.out.printf(Locale.ROOT, "%d cases of %s voxels, %d classes, read in %.3f s, %.3f CPU s (NiftiReader,"
                + " one thread, cold)%n", cases.size(), java.util.Arrays.toString(cases.get(0).shape()),
                cases.get(0).classes(), (System.nanoTime() - reading) / 1e9, (os.getProcessCpuTime() - readingCpu) / 1e9);
        double[][][] ours = null;
        for (int pool : new int[] {1, threads}) {
            double[] rounds = new double[5];
            double[] cpu = new double[5];
            for (int round = -3; round < rounds.length; round++) {
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                ours = measure(cases, tolerance, pool);
                if (round >= 0) {
                    rounds[round] = (System.nanoTime() - start) / 1e9;
                    cpu[round] = (os.getProcessCpuTime() - cpuStart) / 1e9;
                } else if (round == -3 && pool == 1) {
                    System.out.printf(Locale.ROOT, "losslab_first_round seconds=%.3f cpu_seconds=%.3f (cold JIT)%n",
                            (System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpuStart) / 1e9);
                }
            }
            java.util.Arrays.sort(rounds);
            java.util.Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "losslab_threads=%d seconds=%.3f cpu_seconds=%.3f per_case_ms=%.1f%n", pool,
                    rounds[2], cpu[2], 1000 * rounds[2] / cases.size());
        }
        JsonNode monai = monai(dir, tolerance);
        double seconds = monai.get("seconds").asDouble();
        System.out.printf(Locale.ROOT, "monai_threads=1 seconds=%.3f cpu_seconds=%.3f per_case_ms=%.1f%n", seconds,
                monai.get("cpu_seconds").asDouble(), 1000 * seconds / cases.size());
        System.out.printf(Locale.ROOT, "largest relative difference from MONAI (hd, hd95, assd, nsd): %s%n",
                differences(cases, ours, monai.get("values")));
    }

    private static List<Case> read(Path dir) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("labels"))) {
            for (Path label : files.sorted().toList()) {
                String name = label.getFileName().toString().replaceAll("\\.nii(\\.gz)?$", "");
                NiftiReader.Volume g = NiftiReader.read(label);
                NiftiReader.Volume p = NiftiReader.read(dir.resolve("predictions").resolve(label.getFileName()));
                int classes = 0;
                for (int[] labels : new int[][] {g.labels(), p.labels()}) {
                    for (int v : labels) {
                        classes = Math.max(classes, v);
                    }
                }
                cases.add(new Case(name, g.shape(), g.spacing(), g.labels(), p.labels(), classes));
            }
        }
        return cases;
    }

    /** Every case on a pool: per class the masks, the distances and the four numbers. */
    private static double[][][] measure(List<Case> cases, double tolerance, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<double[][]>> results = new ArrayList<>();
            for (Case c : cases) {
                results.add(pool.submit(() -> {
                    double[][] values = new double[c.classes()][];
                    boolean[] g = new boolean[c.reference().length];
                    boolean[] p = new boolean[g.length];
                    for (int k = 1; k <= c.classes(); k++) {
                        for (int i = 0; i < g.length; i++) {
                            g[i] = c.reference()[i] == k;
                            p[i] = c.prediction()[i] == k;
                        }
                        SurfaceMetrics m = SurfaceMetrics.compute(g, p, c.shape(), c.spacing());
                        values[k - 1] = new double[] {m.hd(), m.hd95(), m.assd(), m.nsd(tolerance)};
                    }
                    return values;
                }));
            }
            double[][][] out = new double[cases.size()][][];
            for (int i = 0; i < out.length; i++) {
                out[i] = results.get(i).get();
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static JsonNode monai(Path dir, double tolerance) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", "bench/monai_distances.py", dir.toString(),
                Double.toString(tolerance));
        builder.environment().putIfAbsent("PYTHONPATH", "/tmp/monai-src");
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("bench/monai_distances.py failed");
        }
        return new ObjectMapper().readTree(out);
    }

    private static String differences(List<Case> cases, double[][][] ours, JsonNode monai) {
        double[] largest = new double[4];
        String[] where = new String[4];
        for (int i = 0; i < cases.size(); i++) {
            for (int k = 0; k < ours[i].length; k++) {
                JsonNode theirs = monai.get(cases.get(i).name()).get(Integer.toString(k + 1));
                for (int m = 0; m < 4; m++) {
                    double a = ours[i][k][m];
                    double b = theirs.get(m).asDouble();
                    double difference = a == b ? 0 : Math.abs(a - b) / Math.abs(b);
                    if (difference >= largest[m]) {
                        largest[m] = difference;
                        where[m] = cases.get(i).name() + " class " + (k + 1) + ": " + a + " vs " + b;
                    }
                }
            }
        }
        return java.util.Arrays.toString(largest) + " at " + java.util.Arrays.toString(where);
    }
}
