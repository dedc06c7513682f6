package org.losslab.app.lesson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.losslab.app.render.MapImage;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.maps.MapSettings;
import org.losslab.engine.maps.PixelMap;
import org.losslab.engine.maps.PixelMaps;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Lesson;
import org.losslab.scene.StepScene;

/**
 * The colour ranges a lesson keeps across its steps, so that a colour means the same value on every step that shows
 * the same map (a student compares the steps' pictures by their colours).
 *
 * <p>The range of a map is the union of the ranges each step showing it would have on its own (each as the canvas
 * fits one: magnitudes from 0, signed maps symmetric, up to the 99.5th percentile of the magnitudes), computed on the
 * steps' scenes when the lesson opens. Not the first step's range kept: a later step's map may reach beyond it (a
 * sharper prediction, another preset), and the first step's range would saturate the very pixels that step is about.
 * The union holds every step's own range, so no step saturates more pixels than it would alone; a value beyond it (an
 * edit the student makes in a task) takes an end colour and the colour bar says "clipped", with the values' span.
 * Category maps (errors, bands, skeletons) have fixed colours and are never locked; nor is a map only one step shows.
 */
public final class LessonColours {
    private LessonColours() {
    }

    /**
     * For each step (from 0), the {low, high} its map's colours are locked to, or null (the colours follow the map).
     *
     * @param openingLayer the map the window opened with, which a step shows until a step chooses one
     */
    public static List<double[]> ranges(Lesson lesson, MapKind openingLayer) {
        List<MapKind> shown = new ArrayList<>();
        Map<MapKind, double[]> union = new HashMap<>();
        Map<MapKind, Integer> steps = new HashMap<>();
        for (StepScene scene : StepScene.of(lesson)) {
            MapKind kind = scene.map() == null ? openingLayer : MapKind.parse(scene.map());
            // a step showing another workspace shows no map: its scene must not stretch the others' colours
            boolean onCanvas = scene.workspace() == null || scene.workspace().equals("segmentation");
            if (!onCanvas || kind.scale() == MapKind.Scale.CATEGORIES) {
                shown.add(null);
                continue;
            }
            shown.add(kind);
            double[] own = ownRange(kind, scene);
            union.merge(kind, own, (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            steps.merge(kind, 1, Integer::sum);
        }
        List<double[]> ranges = new ArrayList<>();
        for (MapKind kind : shown) {
            double[] range = kind == null ? null : union.get(kind);
            boolean compared = kind != null && steps.get(kind) > 1 && range[1] > range[0];
            ranges.add(compared ? range.clone() : null);
        }
        return ranges;
    }

    /** The range the canvas would give the step's map (its first channel) with the colours not locked. */
    private static double[] ownRange(MapKind kind, StepScene scene) {
        SegmentationData data = scene.segmentation();
        PixelMap map = PixelMaps.compute(kind, data, MapSettings.fromParams(scene.params()), scene.params());
        MapImage image = MapImage.of(kind, data.width(), data.height(), map.values(), 0);
        return new double[] {image.low(), image.high()};
    }
}
