package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render draws each view offscreen to a PNG of the asked size. */
class RenderCommandTest {
    private static BufferedImage render(Path dir, String name, String... args) throws Exception {
        Path out = dir.resolve(name);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        CommandRunner run = CommandRunner.run(all);
        assertEquals(0, run.status, run.out + run.err);
        return ImageIO.read(out.toFile());
    }

    private static int colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void everyViewRendersToAPngOfTheAskedSize(@TempDir Path dir) throws Exception {
        String scene = Path.of(getClass().getResource("/gold/seg-0034.json").toURI()).toString();
        String boxes = Path.of(getClass().getResource("/gold/box-0002.json").toURI()).toString();
        BufferedImage seg = render(dir, "seg.png", "render", scene, "--layer", "grad-dice", "--width", "900", "--height", "600");
        assertEquals(900, seg.getWidth());
        assertEquals(600, seg.getHeight());
        assertTrue(colours(seg) > 20, "a drawn workspace, not a blank image");
        BufferedImage plot = render(dir, "plot.png", "render", scene, "--view", "plots", "--plot", "tversky");
        assertEquals(1000, plot.getWidth());
        assertEquals(700, plot.getHeight());
        BufferedImage det = render(dir, "det.png", "render", boxes, "--view", "detection");
        assertEquals(1280, det.getWidth());
        assertTrue(colours(det) > 20);
        BufferedImage preset = render(dir, "preset.png", "render", "--preset", "three-class", "--size", "64");
        assertEquals(800, preset.getHeight());
    }

    @Test
    void aLessonStepOnAPlotDrawsThePlot(@TempDir Path dir) throws Exception {
        BufferedImage step = render(dir, "lesson.png", "render", "--lesson", "f-beta", "--step", "2", "--width", "1280",
                "--height", "800");
        // the chart area, right of the plot list and left of the controls: curves, axes and text, not a blank pane
        BufferedImage chartArea = step.getSubimage(360, 120, 600, 500);
        assertTrue(colours(chartArea) > 25, "the plot is drawn: " + colours(chartArea) + " colours");
    }

    @Test
    void aTeachersLessonFileIsDrawnLikeABundledOne(@TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("mine.json");
        Files.copy(Path.of("assets", "lessons", "tversky.json"), lesson);
        BufferedImage step = render(dir, "mine.png", "render", "--lesson", lesson.toString(), "--step", "1", "--width", "1280",
                "--height", "800");
        assertEquals(1280, step.getWidth());
    }

    @Test
    void anUnknownViewIsAUsageError() throws Exception {
        String scene = Path.of(getClass().getResource("/gold/seg-0034.json").toURI()).toString();
        assertEquals(2, CommandRunner.run("render", scene, "--view", "nope", "--out", "/tmp/x.png").status);
    }
}
