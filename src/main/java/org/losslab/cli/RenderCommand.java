package org.losslab.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.losslab.app.DetectionRender;
import org.losslab.app.LessonRender;
import org.losslab.app.SharedView;
import org.losslab.app.WindowRender;
import org.losslab.app.core.Offscreen;
import org.losslab.app.SegmentationRender;
import org.losslab.app.plots.PlotsRender;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.maps.MapKind;
import org.losslab.scene.LessonCheck;
import org.losslab.scene.Lesson;
import org.losslab.scene.Lessons;
import org.losslab.scene.Presets;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneFiles;
import org.losslab.scene.StepScene;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code render}: draws a workspace view of a scene to PNG with no display. */
@Command(name = "render", mixinStandardHelpOptions = true, description = "Draw a view of a scene to a PNG file, offscreen.")
public final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENE.json")
    Path sceneFile;

    @Option(names = "--preset", description = "Draw a built-in scene instead of a file (small-object, three-class, ...).")
    String preset;

    @Option(names = "--size", defaultValue = "256", description = "With --preset: the canvas side (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--view", description = "segmentation, plots, detection, or window: the whole window as opening the "
            + "file shows it (the default for a shared view, File > Share view; else segmentation).")
    String view;

    @Option(names = "--layer", description = "segmentation: the heatmap (ce, focal, grad-dice, bands, errors, ...).")
    String layer;

    @Option(names = "--plot", description = "plots: the plot (pixel, tversky, fbeta, distances, dfl, ...; an unknown name lists them all).")
    String plot;

    @Option(names = "--out", required = true, description = "The PNG to write.")
    Path out;

    @Option(names = "--lesson", paramLabel = "KEY|FILE", description = "Draw the window as a lesson step sets it up (with --step): "
            + "a bundled lesson's key or a lesson file.")
    String lesson;

    @Option(names = "--presentation", description = "With --lesson: in presentation mode (large type, the selected number "
            + "and what to look at in a banner), as on a projector; try --width 1280 --height 720.")
    boolean presentation;

    @Option(names = "--step", defaultValue = "1", description = "With --lesson: the step, from 1 (default ${DEFAULT-VALUE}).")
    int step;

    @Option(names = "--width", description = "Width in pixels (default 1280; plots 1000).")
    Integer width;

    @Option(names = "--height", description = "Height in pixels (default 800; plots 700).")
    Integer height;

    @Override
    public Integer call() throws Exception {
        // the same sizes for every render, scene or lesson, checked before anything is drawn
        if (width != null && (width < 64 || width > 8192) || height != null && (height < 64 || height > 8192)) {
            System.err.println("render: --width and --height must be between 64 and 8192 pixels");
            return 2;
        }
        Integer relaunched = Relaunch.withVectorModule();
        if (relaunched != null) {
            return relaunched;
        }
        try {
            if (width != null && (width < 64 || width > 8192) || height != null && (height < 64 || height > 8192)) {
                System.err.println("render: --width and --height must be between 64 and 8192 pixels");
                return 2;
            }
            if (Files.isDirectory(out)) {
                System.err.println("render: --out " + out + " is a folder; give a file name");
                return 2;
            }
            if (lesson != null) {
                if (sceneFile != null || preset != null) {
                    System.err.println("render: --lesson draws its own scenes: give no scene file or --preset");
                    return 2;
                }
                Lesson l = Lessons.load(lesson);
                if (step < 1 || step > l.steps().size()) {
                    System.err.println("render: --step: lesson " + l.key() + " has steps 1 to " + l.steps().size());
                    return 2;
                }
                StepScene state = StepScene.of(l).get(step - 1);
                String caption = LessonCheck.caption(l.steps().get(step - 1).text(), state, "lesson " + l.key() + ", step " + step);
                BufferedImage image = LessonRender.render(l, step, width == null ? 1440 : width, height == null ? 900 : height,
                        presentation);
                Offscreen.writePng(image, out);
                System.out.println("wrote " + out + " (" + image.getWidth() + " x " + image.getHeight() + "): " + caption);
                return 0;
            }
            if ((sceneFile == null) == (preset == null)) {
                System.err.println("render: give a scene file or --preset, not both");
                return 2;
            }
            if (size < 8 || size > 2048) {
                System.err.println("render: --size must be between 8 and 2048");
                return 2;
            }
            Scene scene = preset == null ? SceneFiles.read(sceneFile)
                    : new Scene(Map.of(Domains.SEGMENTATION,
                            Presets.get(preset).create(size)), List.of(), Map.of());
            BufferedImage image;
            if (view == null) {
                view = SharedView.in(scene) ? "window" : "segmentation";
            }
            switch (view) {
                case "window":
                    image = WindowRender.render(scene, width == null ? 1440 : width, height == null ? 900 : height);
                    break;
                case "segmentation":
                    if (scene.block(Domains.SEGMENTATION).isEmpty()) {
                        throw new EngineException("the scene has no segmentation block to draw (try --view detection)");
                    }
                    image = SegmentationRender.render(scene, layer == null ? null : MapKind.parse(layer),
                            width == null ? 1280 : width, height == null ? 800 : height);
                    break;
                case "plots":
                    image = PlotsRender.render(scene, plot == null ? "pixel" : plot, width == null ? 1000 : width,
                            height == null ? 700 : height);
                    break;
                case "detection":
                    image = DetectionRender.render(scene, width == null ? 1280 : width,
                            height == null ? 800 : height);
                    break;
                default:
                    System.err.println("render: unknown view '" + view + "' (segmentation, plots, detection, window)");
                    return 2;
            }
            Offscreen.writePng(image, out);
            System.out.println("wrote " + out + " (" + image.getWidth() + " x " + image.getHeight() + ")");
            return 0;
        } catch (EngineException e) {
            System.err.println("render: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("render: cannot write " + out + " (" + SceneFiles.reason(e) + ")");
            return 1;
        }
    }
}
