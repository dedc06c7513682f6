package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --lesson} checks its sizes as scene renders do: 20000 x 20000 used to take 27 s and 5 GB
 * before failing, -10 and 0 wrote a PNG with exit 0. Each is a usage error (2) with one line, no file.
 */
class RenderSizeTest {

    @Test
    void aLessonRenderOfAnImpossibleSizeIsAUsageError(@TempDir Path dir) {
        String[][] sizes = {{"--width", "20000", "--height", "20000"}, {"--width", "-10"}, {"--height", "0"}};
        for (String[] size : sizes) {
            Path out = dir.resolve("lesson.png");
            String[] args = new String[5 + size.length];
            String[] head = {"render", "--lesson", "class-imbalance", "--out", out.toString()};
            System.arraycopy(head, 0, args, 0, head.length);
            System.arraycopy(size, 0, args, head.length, size.length);
            CommandRunner run = CommandRunner.run(args);
            assertEquals(2, run.status, String.join(" ", size) + ": " + run.out + run.err);
            assertTrue(run.err.contains("--width and --height must be between 64 and 8192"), run.err);
            assertEquals(1, run.err.strip().lines().count(), run.err);
            assertFalse(Files.exists(out), "no PNG written");
        }
    }
}
