package org.losslab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.losslab.engine.frame.FrameBenchmark;
import org.losslab.engine.train.TrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: times the live frame on the standard N x N scene (and, with --brush, the update after
 * a brush dab) on a given number of threads; optionally runs the PyTorch reference script with the
 * same threads in the same run. Prints, last, {@code frame_ms_median=X} (or the UI figures with --ui).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Time the live frame the workspace computes.")
public final class BenchCommand implements Callable<Integer> {
    /** glibc's malloc tunables that keep freed temporaries mapped (a 32 MiB mmap threshold, a 256 MiB trim threshold). */
    static final Map<String, String> FAST_MALLOC = Map.of("MALLOC_MMAP_THRESHOLD_", "33554432",
            "MALLOC_TRIM_THRESHOLD_", "268435456");
    /** Alternating rounds of bench --train. */
    private static final int TRAIN_ROUNDS = 3;

    @Option(names = "--size", defaultValue = "512", description = "Scene side N, 8 to 4096 (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--frames", defaultValue = "60", description = "Timed frames, 30 to 100000 (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--threads", description = "Threads for both sides, 1 to 64 (default: every core).")
    Integer threads;

    @Option(names = "--brush", defaultValue = "0", description = "Also time the update after a dab of this radius (0 to 1000).")
    double brush;

    @Option(names = "--dabs", defaultValue = "400", description = "Timed dabs with --brush or --ui, 30 to 100000 (default ${DEFAULT-VALUE}).")
    int dabs;

    @Option(names = "--torch", description = "Run this PyTorch reference script (bench/torch_frame.py) in the same run.")
    Path torchScript;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python for --torch, --coco and --audit (default ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--ui", description = "Drive the real window with brush dabs, timing each until its frame is rendered.")
    boolean ui;

    @Option(names = "--train", description = "Time one training step (logits model, Dice, Adam) against PyTorch's "
            + "(bench/torch_train_step.py, or --torch) with the same threads.")
    boolean train;

    @Option(names = "--coco", arity = "2", paramLabel = "FILE", description = "Time coco-eval on GT.json DT.json "
            + "against pycocotools (--cocoapi's oracle.py) in the same run, both as whole processes.")
    List<Path> coco;

    @Option(names = "--iou-type", defaultValue = "bbox", paramLabel = "bbox|segm", description = "For --coco (default ${DEFAULT-VALUE}).")
    String cocoIouType;

    @Option(names = "--cocoapi", defaultValue = "../shared/oracles/cocoapi",
            description = "The official COCO API with build.sh and oracle.py, for --coco (default ${DEFAULT-VALUE}).")
    Path cocoapi;

    @Option(names = "--audit", paramLabel = "DIR", description = "Time the audit of DIR/labels against DIR/predictions "
            + "against MONAI (--monai-audit) over a pool of --threads processes, both as whole processes.")
    Path audit;

    @Option(names = "--tolerance", defaultValue = "1", paramLabel = "MM", description = "NSD's tolerance for --audit (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--monai-src", defaultValue = "/tmp/monai-src", paramLabel = "DIR",
            description = "The folder holding MONAI's monai/ package, for --audit (default ${DEFAULT-VALUE}).")
    Path monaiSrc;

    @Option(names = "--monai-audit", defaultValue = "../shared/perf/monai_audit.py", paramLabel = "FILE",
            description = "MONAI's side of the audit, for --audit (default ${DEFAULT-VALUE}).")
    Path monaiAudit;

    @Override
    public Integer call() throws Exception {
        String problem = checkOptions();
        if (problem != null) {
            System.err.println("bench: " + problem);
            return 2;
        }
        if (audit != null) {
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            return AuditBench.run(new AuditBench.Setup(audit, tolerance, n, python, monaiSrc, monaiAudit,
                    Path.of("bench", "monai_audit_values.py")));
        }
        if (coco != null) {
            return CocoBench.run(coco.get(0), coco.get(1), cocoIouType, cocoapi, python);
        }
        Integer relaunched = Relaunch.withVectorModule();
        if (relaunched != null) {
            return relaunched;
        }
        if (ui) {
            return UiBench.run(size, dabs);
        }
        if (train) {
            return benchTrain();
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        FrameBenchmark.Result r = FrameBenchmark.run(size, frames, brush, dabs, n);
        System.out.printf(Locale.ROOT, "scene %dx%d, %d frames, %d threads, %s kernel%n", size, size, r.frames(), r.threads(),
                r.vectorised() ? "SIMD" : "scalar");
        System.out.println("a frame: BCE and focal maps, Dice/Jaccard/Tversky with gradients dL/dz, Boundary-IoU bands;"
                + " LossLab float32 with analytic gradients");
        System.out.printf(Locale.ROOT, "dice=%.6f boundary_iou=%.6f%n", r.dice(), r.boundaryIou());
        System.out.printf(Locale.ROOT, "frame_ms_min=%.3f%n", r.frameMinMs());
        if (brush > 0) {
            System.out.printf(Locale.ROOT, "brush_radius=%.1f brush_ms_median=%.3f%n", r.brushRadius(), r.brushMedianMs());
        }
        if (torchScript != null) {
            Double torch = runTorch(n);
            if (torch == null) {
                return 1;
            }
            System.out.printf(Locale.ROOT, "torch_frame_ms_median=%.3f (PyTorch float32, autograd gradients, %d threads)%n",
                    torch, n);
            System.out.printf(Locale.ROOT, "speedup=%.2fx (torch median / LossLab median, same work, same threads)%n",
                    torch / r.frameMedianMs());
        }
        System.out.printf(Locale.ROOT, "frame_ms_median=%.3f%n", r.frameMedianMs());
        return 0;
    }

    /**
     * LossLab's fused step and PyTorch's, timed in alternating rounds (a round: each side's median over --frames
     * steps), so that a change in the machine's load between the two sides shows in one round, not in the result:
     * the ratio printed last is the median of the rounds' ratios.
     */
    private int benchTrain() throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Path script = torchScript != null ? torchScript : Path.of("bench", "torch_train_step.py");
        if (!Files.isRegularFile(script)) {
            System.err.println("bench: no PyTorch script at " + script + " (run from the project folder or give --torch)");
            return 1;
        }
        TrainBenchmark bench = new TrainBenchmark(size, n);
        System.out.printf(Locale.ROOT, "scene %dx%d: logits model, smp Dice, Adam lr 0.01, %d threads on both sides, %s kernel;"
                + " %d rounds, each side's median of %d steps (PyTorch: 30) after 20 warm-up steps%n",
                size, size, n, bench.vectorised() ? "SIMD" : "scalar", TRAIN_ROUNDS, frames);
        double[] registry = bench.registry(frames);
        double[] ours = new double[TRAIN_ROUNDS];
        double[] ratios = new double[TRAIN_ROUNDS];
        for (int round = 0; round < TRAIN_ROUNDS; round++) {
            ours[round] = bench.fusedMedianMs(frames);
            if (round == 0) {
                System.out.printf(Locale.ROOT, "registry_float64_step_ms_median=%.3f (the train command's step, one thread)"
                        + " dice_after=%.6f, fused float32 dice_after=%.6f (both after %d updates)%n", registry[0], registry[1],
                        bench.fusedLoss(), 20 + frames);
            }
            Double torch = runScript(script, n, "torch_train_step_ms_median", round == 0);
            if (torch == null) {
                return 1;
            }
            ratios[round] = torch / ours[round];
            System.out.printf(Locale.ROOT, "round %d: LossLab %.3f ms, PyTorch %.3f ms, ratio %.2f%n", round + 1, ours[round],
                    torch, ratios[round]);
        }
        double ms = TrainBenchmark.median(ours);
        long bytes = bench.fusedBytesPerStep();
        System.out.printf(Locale.ROOT, "a fused step moves %.1f MB (%d bytes a pixel): %.1f GB/s at %.3f ms,"
                + " against a stream-like copy's %.1f GB/s on the same %d threads%n", bytes / 1e6,
                bytes / ((long) size * size), bytes / ms / 1e6, ms, bench.copyGigabytesPerSecond(50), n);
        System.out.printf(Locale.ROOT, "train_step_ms_median=%.3f (fused float32 Dice + Adam step, %d threads: median of the rounds)%n",
                ms, n);
        System.out.printf(Locale.ROOT, "ratio=%.2fx (PyTorch float32 / LossLab, same step, same threads: median of the rounds' ratios)%n",
                TrainBenchmark.median(ratios));
        return 0;
    }

    /** What is wrong with the options, or null. */
    private String checkOptions() {
        if (size < 8 || size > 4096) {
            return "--size must be between 8 and 4096";
        }
        if (frames < 30 || frames > 100_000) {
            return "--frames must be between 30 and 100000";
        }
        if (dabs < 30 || dabs > 100_000) {
            return "--dabs must be between 30 and 100000";
        }
        if (!Double.isFinite(brush) || brush < 0 || brush > 1000) {
            return "--brush must be a radius between 0 and 1000";
        }
        if (threads != null && (threads < 1 || threads > 64)) {
            return "--threads must be between 1 and 64";
        }
        if (torchScript != null && !Files.isRegularFile(torchScript)) {
            return "no PyTorch script at " + torchScript;
        }
        if (coco != null && !("bbox".equals(cocoIouType) || "segm".equals(cocoIouType))) {
            return "--iou-type is bbox or segm";
        }
        if (audit != null && !(Files.isDirectory(audit.resolve("labels")) && Files.isDirectory(audit.resolve("predictions")))) {
            return "--audit takes a folder with labels/ and predictions/ in it; " + audit + " has not both";
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            return "--tolerance must be 0 mm or more";
        }
        if (coco != null && !Files.isRegularFile(cocoapi.resolve("oracle.py"))) {
            return "no oracle.py in " + cocoapi + " (give the official COCO API's folder with --cocoapi)";
        }
        return null;
    }

    private Double runTorch(int n) throws Exception {
        return runScript(torchScript, n, "torch_frame_ms_median", true);
    }

    /** Runs a PyTorch reference script on the same scene size and threads; the number it prints after {@code key}. */
    private Double runScript(Path script, int n, String key, boolean echo) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--size", Integer.toString(size),
                "--threads", Integer.toString(n), "--reps", "30");
        pb.redirectErrorStream(true);
        // PyTorch's fast mode, the comparison that favours it: glibc's malloc otherwise hands a step's 1 MB temporaries
        // back to the system and maps them again the next step, and most processes here ran 6-15x slower for it
        pb.environment().putAll(FAST_MALLOC);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            System.err.println("bench: cannot start " + python + " (" + e.getMessage() + ")");
            return null;
        }
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            System.err.println("bench: the PyTorch script failed:\n" + output);
            return null;
        }
        if (echo) {
            System.out.print(output);
            System.out.println("PyTorch ran with " + FAST_MALLOC.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + " " + b).orElse("")
                    + " (glibc keeps its temporaries mapped: its fast mode)");
        }
        Matcher m = Pattern.compile(key + "=([0-9.]+)").matcher(output);
        if (!m.find()) {
            System.err.println("bench: the PyTorch script printed no " + key);
            return null;
        }
        return Double.parseDouble(m.group(1));
    }
}
