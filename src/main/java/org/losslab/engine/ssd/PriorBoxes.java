package org.losslab.engine.ssd;

import java.util.ArrayList;
import java.util.List;

/**
 * SSD default boxes (cx, cy, w, h), normalised: for each feature map of size f, each cell centre
 * ((j + 0.5) / f, (i + 0.5) / f) gets one prior per aspect ratio r (s sqrt(r) x s / sqrt(r)), plus for
 * r = 1 an extra square prior of scale sqrt(s_k s_(k+1)) (1 for the last map); clamped to [0, 1].
 */
public final class PriorBoxes {
    private PriorBoxes() {
    }

    /** One feature map's settings. */
    public record FeatureMap(int size, double scale, double[] aspectRatios) {
    }

    public static double[] generate(List<FeatureMap> maps) {
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < maps.size(); k++) {
            FeatureMap map = maps.get(k);
            double extra = k + 1 < maps.size() ? Math.sqrt(map.scale() * maps.get(k + 1).scale()) : 1.0;
            for (int i = 0; i < map.size(); i++) {
                for (int j = 0; j < map.size(); j++) {
                    double cx = (j + 0.5) / map.size();
                    double cy = (i + 0.5) / map.size();
                    for (double ratio : map.aspectRatios()) {
                        double root = Math.sqrt(ratio);
                        out.add(new double[] {cx, cy, map.scale() * root, map.scale() / root});
                        if (ratio == 1.0) {
                            out.add(new double[] {cx, cy, extra, extra});
                        }
                    }
                }
            }
        }
        double[] flat = new double[4 * out.size()];
        for (int i = 0; i < out.size(); i++) {
            for (int c = 0; c < 4; c++) {
                flat[4 * i + c] = Math.min(1, Math.max(0, out.get(i)[c]));
            }
        }
        return flat;
    }

    /** The 8732 priors of SSD300. */
    public static double[] ssd300() {
        double[] few = {1, 2, 0.5};
        double[] many = {1, 2, 3, 0.5, 0.333}; // 0.333 as in the SSD recipe, not 1/3
        return generate(List.of(new FeatureMap(38, 0.1, few), new FeatureMap(19, 0.2, many),
                new FeatureMap(10, 0.375, many), new FeatureMap(5, 0.55, many), new FeatureMap(3, 0.725, few),
                new FeatureMap(1, 0.9, few)));
    }
}
