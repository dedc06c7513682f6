package org.losslab.scene;

import java.util.Set;
import org.losslab.engine.EngineException;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.maps.MapSettings;
import org.losslab.engine.maps.PixelMap;
import org.losslab.engine.maps.PixelMaps;
import org.losslab.engine.seg.SegmentationData;

/**
 * Lesson values of the segmentation heatmaps, namespace {@code map}: {@code map:KIND.STAT} is a statistic of the
 * map KIND (a heatmap key, "unet-weights", "grad-ce") on the step's scene, drawn with the settings the step's
 * parameters give (as the workspace draws it). STAT is min, max or mean over every pixel, or over the target's
 * object pixels ({@code object_min}, {@code object_max}, {@code object_mean}) or its background pixels
 * ({@code background_...}); the sum over a region is {@code object_sum} / {@code background_sum}.
 */
public final class MapValues implements ClaimValues {
    private static final Set<String> STATS = Set.of("min", "max", "mean", "sum");

    @Override
    public String prefix() {
        return "map";
    }

    @Override
    public void check(String name, boolean forTask) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            throw new EngineException("map:" + name + ": write map:KIND.STAT, e.g. map:unet-weights.max");
        }
        MapKind.parse(name.substring(0, dot));
        String stat = name.substring(dot + 1);
        String bare = stat.replaceFirst("^(object|background)_", "");
        if (!STATS.contains(bare)) {
            throw new EngineException("map:" + name + ": unknown statistic '" + stat
                    + "' (min, max, mean, sum, each optionally prefixed object_ or background_)");
        }
    }

    @Override
    public double value(StepScene scene, String name) {
        int dot = name.lastIndexOf('.');
        SegmentationData data = scene.segmentation();
        PixelMap map = PixelMaps.compute(MapKind.parse(name.substring(0, dot)), data, MapSettings.fromParams(scene.params()),
                scene.params());
        String stat = name.substring(dot + 1);
        int region = stat.startsWith("object_") ? 1 : stat.startsWith("background_") ? 0 : -1;
        String bare = stat.replaceFirst("^(object|background)_", "");
        int[] target = data.target();
        int n = data.pixels();
        double[] v = map.values();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long count = 0;
        for (int i = 0; i < v.length; i++) {
            if (region >= 0 && (target[i % n] > 0 ? 1 : 0) != region) {
                continue;
            }
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
            sum += v[i];
            count++;
        }
        if (count == 0) {
            throw new EngineException("map:" + name + ": the region has no pixels on preset " + scene.preset());
        }
        return switch (bare) {
            case "min" -> min;
            case "max" -> max;
            case "sum" -> sum;
            default -> sum / count;
        };
    }
}
