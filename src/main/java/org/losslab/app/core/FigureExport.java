package org.losslab.app.core;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.transform.Transform;
import org.losslab.scene.AnimatedGif;

/**
 * Figures for slides: a view at twice its screen resolution (PNG or the clipboard), and a recorded run (training,
 * box race) as an animated GIF, taken by stepping its timeline across the run.
 */
public final class FigureExport {
    /** Slides are projected larger than the screen shows them: twice the pixels keeps text sharp. */
    public static final double SLIDE_SCALE = 2;
    private static final int MAX_FRAMES = 80;
    private static final int FRAME_MILLIS = 100;

    private FigureExport() {
    }

    /** The node as drawn, scaled. */
    public static BufferedImage snapshot(Node node, double scale) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        WritableImage image = node.snapshot(parameters, null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    public static void exportPng(Node node) {
        Dialogs.save(node, "Export view at 2x", "PNG images", "*.png").ifPresent(file -> {
            try {
                Offscreen.writePng(snapshot(node, SLIDE_SCALE), file);
            } catch (IOException e) {
                Dialogs.error("Cannot export", e.getMessage());
            }
        });
    }

    public static void copy(Node node) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(SwingFXUtils.toFXImage(snapshot(node, SLIDE_SCALE), null));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * One frame per step of the timeline (at most {@value #MAX_FRAMES}, evenly spread, the last step always in),
     * each a snapshot of {@code node} once the timeline shows that step; the timeline is put back afterwards.
     */
    public static List<BufferedImage> frames(Node node, Slider timeline) {
        double shown = timeline.getValue();
        int first = (int) Math.round(timeline.getMin());
        int last = (int) Math.round(timeline.getMax());
        int stride = Math.max(1, (int) Math.ceil((last - first) / (double) (MAX_FRAMES - 1)));
        List<BufferedImage> out = new ArrayList<>();
        try {
            for (int step = first; ; step = Math.min(last, step + stride)) {
                timeline.setValue(step);
                node.applyCss();
                if (node instanceof Parent parent) {
                    parent.layout();
                }
                out.add(snapshot(node, 1));
                if (step == last) {
                    break;
                }
            }
        } finally {
            timeline.setValue(shown);
        }
        return out;
    }

    public static void exportAnimation(Node node, Slider timeline, String what) {
        if (timeline.getMax() <= timeline.getMin()) {
            Dialogs.error("Nothing to export", "Run the " + what + " first: the animation replays its recorded steps.");
            return;
        }
        Dialogs.save(node, "Export the " + what + " as an animated GIF", "GIF images", "*.gif").ifPresent(file -> {
            try {
                AnimatedGif.write(frames(node, timeline), FRAME_MILLIS, file);
            } catch (IOException e) {
                Dialogs.error("Cannot export", e.getMessage());
            }
        });
    }
}
