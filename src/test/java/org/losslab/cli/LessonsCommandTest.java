package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lessons --check} and {@code --show} on files a teacher wrote, and {@code render --lesson}'s usage errors. */
class LessonsCommandTest {
    private static final String HEAD = "{\"title\": \"t\", \"question\": \"q\", \"answer\": \"a\", \"steps\": [";

    @Test
    void aFalseClaimFailsTheCheckInOneLine(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        Files.writeString(good, HEAD + "{\"text\": \"q\", \"preset\": \"perfect\"}, {\"text\": \"do\"}, {\"text\": \"F1 {value:f1_score:%.2f}\","
                + " \"claims\": [{\"what\": \"f1_score\", \"above\": 0.99}]}]}");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(good).replace("\"above\": 0.99", "\"below\": 0.5"));
        CommandRunner ok = CommandRunner.run("lessons", "--check", good.toString());
        assertEquals(0, ok.status, ok.out + ok.err);
        assertEquals("ok: " + good + " (3 steps, 1 claims hold)\n", ok.out);
        CommandRunner fails = CommandRunner.run("lessons", "--check", good.toString(), bad.toString());
        assertEquals(1, fails.status);
        assertEquals("error: " + bad + ": lesson bad, step 3, claims[0]: f1_score below 0.5 is false on the step's scene: "
                + "f1_score = 1.00000", fails.out.lines().toList().get(1));
        // a perfect prediction's F1 is 1 by definition
        CommandRunner show = CommandRunner.run("lessons", "--show", good.toString());
        assertTrue(show.out.contains("3. F1 1.00"), show.out);
    }

    @Test
    void theBundledTverskyLessonPassesTheCheck() {
        CommandRunner ok = CommandRunner.run("lessons", "--check", Path.of("assets", "lessons", "tversky.json").toString());
        assertEquals(0, ok.status, ok.out + ok.err);
    }

    @Test
    void renderRefusesABadSizeOrStepBeforeDrawing(@TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("mine.json");
        Files.writeString(lesson, HEAD + "{\"text\": \"q\"}]}");
        String out = dir.resolve("x.png").toString();
        assertEquals(2, CommandRunner.run("render", "--lesson", lesson.toString(), "--width", "20000", "--out", out).status);
        assertEquals(2, CommandRunner.run("render", "--lesson", lesson.toString(), "--height", "-10", "--out", out).status);
        assertEquals(2, CommandRunner.run("render", "--lesson", lesson.toString(), "--step", "0", "--out", out).status);
        assertEquals(2, CommandRunner.run("render", "--lesson", "tversky", "--step", "9", "--out", out).status);
        assertEquals(1, CommandRunner.run("render", "--lesson", dir.resolve("none.json").toString(), "--out", out).status);
        assertTrue(Files.notExists(Path.of(out)), "nothing written");
    }
}
