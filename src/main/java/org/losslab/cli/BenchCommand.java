package org.losslab.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.losslab.engine.frame.FrameBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: times the live frame on the standard N x N scene (and, with --brush, the update after
 * a brush dab); optionally runs the PyTorch reference script side by side. Prints, last,
 * {@code frame_ms_median=X} (or {@code ui_brush_ms_median=X} with --ui).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Time the live frame the workspace computes.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "512", description = "Scene side N (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--frames", defaultValue = "60", description = "Timed frames (at least 30; default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--brush", defaultValue = "0", description = "Also time the update after a dab of this radius.")
    double brush;

    @Option(names = "--dabs", defaultValue = "400", description = "Timed dabs with --brush (default ${DEFAULT-VALUE}).")
    int dabs;

    @Option(names = "--torch", description = "Run this PyTorch reference script (torch_frame.py) in the same run.")
    Path torchScript;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python for --torch (default ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--ui", description = "Drive the real workspace offscreen with brush dabs (see the app).")
    boolean ui;

    @Override
    public Integer call() throws Exception {
        Integer relaunched = Relaunch.withVectorModule();
        if (relaunched != null) {
            return relaunched;
        }
        if (size < 8 || size > 4096) {
            System.err.println("bench: --size must be between 8 and 4096");
            return 2;
        }
        if (ui) {
            return UiBench.run(size, Math.max(200, dabs));
        }
        FrameBenchmark.Result r = FrameBenchmark.run(size, Math.max(30, frames), brush, Math.max(30, dabs));
        System.out.printf(Locale.ROOT, "scene %dx%d, %d frames, %d cores, %s kernel%n", size, size, r.frames(),
                Runtime.getRuntime().availableProcessors(), r.vectorised() ? "SIMD" : "scalar");
        System.out.printf(Locale.ROOT, "dice=%.6f boundary_iou=%.6f%n", r.dice(), r.boundaryIou());
        System.out.printf(Locale.ROOT, "frame_ms_min=%.3f%n", r.frameMinMs());
        if (brush > 0) {
            System.out.printf(Locale.ROOT, "brush_radius=%.1f brush_ms_median=%.3f%n", r.brushRadius(), r.brushMedianMs());
        }
        if (torchScript != null) {
            Double torch = runTorch();
            if (torch != null) {
                System.out.printf(Locale.ROOT, "torch_frame_ms_median=%.3f speedup=%.2fx%n", torch, torch / r.frameMedianMs());
            }
        }
        System.out.printf(Locale.ROOT, "frame_ms_median=%.3f%n", r.frameMedianMs());
        return 0;
    }

    private Double runTorch() throws Exception {
        if (!Files.isRegularFile(torchScript)) {
            System.err.println("bench: no PyTorch script at " + torchScript);
            return null;
        }
        ProcessBuilder pb = new ProcessBuilder(python, torchScript.toString(), Integer.toString(size), "float32", "30");
        pb.environment().put("THREADS", "2");
        pb.redirectErrorStream(true);
        Process process = pb.start();
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
        System.out.print(output);
        Matcher m = Pattern.compile("frame median ([0-9.]+) ms").matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : null;
    }
}
