package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code race} (and {@code app}, {@code render}, {@code bench}) started without the vector module runs
 * itself again in a child JVM; killing the launcher (SIGKILL: no shutdown hook runs) must take the child
 * with it, where it used to keep running. Real processes: the launcher is this test's class path.
 */
class RelaunchProcessTest {

    @Test
    void theRelaunchedChildDiesWithItsLauncher(@TempDir Path dir) throws Exception {
        StringBuilder points = new StringBuilder("x,y\n");
        for (int k = 0; k < 20_000; k++) {
            points.append(10 + (k % 100) * 0.01).append(',').append(10 + (k / 100) * 0.01).append('\n');
        }
        Path file = dir.resolve("points.csv");
        Files.writeString(file, points);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process launcher = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.losslab.cli.Main", "race", "--paper", "--points", file.toString(), "--threads", "1"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        ProcessHandle child = null;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (child == null && System.nanoTime() < deadline && launcher.isAlive()) {
                Optional<ProcessHandle> found = launcher.toHandle().children().findFirst();
                if (found.isPresent()) {
                    child = found.get();
                } else {
                    Thread.sleep(50);
                }
            }
            assertTrue(child != null, "the launcher relaunched itself: " + Files.readString(dir.resolve("log.txt")));
            Thread.sleep(1500); // the child is running the race
            assertTrue(child.isAlive(), "the child runs before its launcher dies");
            launcher.destroyForcibly();
            launcher.waitFor(10, TimeUnit.SECONDS);
            ProcessHandle orphan = child;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (orphan.isAlive() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertFalse(orphan.isAlive(), "the child JVM died with its launcher");
        } finally {
            launcher.destroyForcibly();
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }
}
