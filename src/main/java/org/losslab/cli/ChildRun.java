package org.losslab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole child process run to its end and timed, for the benches that compare LossLab with a reference as
 * whole processes ({@code bench --coco}, {@code bench --audit}): its wall seconds, its CPU seconds (the
 * children's times /proc gives this process once the child is reaped), what it printed and its exit status.
 */
record ChildRun(double wall, double cpu, String out, int status) {
    /** Linux's clock ticks a second for /proc's times (sysconf(_SC_CLK_TCK) is 100 on every Linux port). */
    private static final double TICKS = 100;

    /** Runs {@code command} with {@code environment} added to this process's, its output and errors as one text. */
    static ChildRun of(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(environment);
        double cpuBefore = childrenCpu();
        long start = System.nanoTime();
        Process process = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new ChildRun(0, 0, "timed out after 30 minutes\n", 1);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new ChildRun(wall, childrenCpu() - cpuBefore, out.toString(StandardCharsets.UTF_8), process.exitValue());
    }

    /** The command line that runs this jar's {@code java -jar}: the jar this runs from, else target/losslab.jar, else null. */
    static List<String> javaJar() throws Exception {
        Path here = Path.of(ChildRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = here.toString().endsWith(".jar") ? here : Path.of("target", "losslab.jar");
        if (!Files.isRegularFile(jar)) {
            return null;
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
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
