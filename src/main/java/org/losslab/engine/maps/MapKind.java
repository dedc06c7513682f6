package org.losslab.engine.maps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegmentationData;

/**
 * The per-pixel maps the engine draws. The teaching maps (weights, bands, errors, distance fields,
 * skeletons) are declared here; the gradient map of every differentiable segmentation entry and the value
 * map of every entry computed pixel by pixel come from the registry, so a new loss brings its maps.
 */
public final class MapKind {
    /** How a map's numbers are read: magnitudes, signed values centred on 0, or category codes. */
    public enum Scale {
        MAGNITUDE, SIGNED, CATEGORIES
    }

    /** What a map is: a teaching map computed here, a registry loss's gradient, or its per-pixel value. */
    public enum Source {
        TEACHING, GRADIENT, VALUE
    }

    private static final List<MapKind> ALL = new ArrayList<>();

    public static final MapKind CROSS_ENTROPY = teaching("ce", "Cross-entropy per pixel", Scale.MAGNITUDE);
    public static final MapKind FOCAL = teaching("focal", "Focal loss per pixel", Scale.MAGNITUDE);
    public static final MapKind FOCAL_MODULATION = teaching("focal-factor", "Focal modulating factor (1 - p_t)^gamma",
            Scale.MAGNITUDE);
    public static final MapKind UNET_WEIGHTS = teaching("unet-weights", "U-Net border weights", Scale.MAGNITUDE);
    public static final MapKind WEIGHTED_CE = teaching("weighted-ce", "U-Net weighted cross-entropy", Scale.MAGNITUDE);
    public static final MapKind BOUNDARY_BANDS = teaching("bands", "Boundary IoU bands", Scale.CATEGORIES);
    public static final MapKind ERRORS = teaching("errors", "Errors at the threshold (TP, FP, FN, TN)", Scale.CATEGORIES);
    public static final MapKind SIGNED_DISTANCE = teaching("signed-distance",
            "Signed distance to the target boundary (boundary loss phi; < 0 inside)", Scale.SIGNED);
    public static final MapKind EDGE_DISTANCE = teaching("edge-distance",
            "Boundary pixels: distance to the other mask's boundary (HD, ASSD, NSD)", Scale.MAGNITUDE);
    public static final MapKind NSD_MARGIN = teaching("nsd-margin",
            "NSD: boundary distance minus the tolerance (blue: within, counted; orange: beyond)", Scale.SIGNED);
    public static final MapKind HAUSDORFF_TERMS = teaching("hausdorff-terms",
            "Hausdorff loss per pixel: (p - t)^2 (dp^alpha + dt^alpha)", Scale.MAGNITUDE);
    public static final MapKind SKELETONS = teaching("skeletons",
            "Hard skeletons (clDice metric): the target's, the prediction's, both", Scale.CATEGORIES);
    public static final MapKind SOFT_SKELETON = teaching("soft-skeleton",
            "Soft skeleton of the prediction (clDice)", Scale.MAGNITUDE);
    public static final MapKind TOPK_KEPT = teaching("topk-kept",
            "TopK CE: cross-entropy of the kept pixels (0: dropped)", Scale.MAGNITUDE);
    /** The cross-entropy gradient: bce on sigmoid scenes, ce on softmax ones (p - y, over N). */
    public static final MapKind GRAD_CE = add(new MapKind("grad-ce", "Cross-entropy gradient dL/dz (BCE or CE, = (p - y) / N)",
            Scale.SIGNED, Source.GRADIENT, "ce"));

    static {
        for (LossSpec<SegmentationData> spec : LossRegistry.of(Domains.SEGMENTATION)) {
            if (spec.differentiable() && !spec.name().equals("ce") && !spec.name().equals("bce")) {
                add(new MapKind("grad-" + dashed(spec.name()), spec.name() + " gradient dL/dz", Scale.SIGNED, Source.GRADIENT,
                        spec.name()));
            }
        }
        for (LossSpec<SegmentationData> spec : LossRegistry.of(Domains.SEGMENTATION)) {
            if (LossMaps.hasValues(spec)) {
                add(new MapKind("value-" + dashed(spec.name()), spec.name() + " per pixel (reduction none)",
                        Scale.MAGNITUDE, Source.VALUE, spec.name()));
            }
        }
    }

    public static final MapKind GRAD_DICE = gradient("dice");
    public static final MapKind GRAD_JACCARD = gradient("jaccard");
    public static final MapKind GRAD_TVERSKY = gradient("tversky");

    private final String key;
    private final String title;
    private final Scale scale;
    private final Source source;
    private final String loss;

    private MapKind(String key, String title, Scale scale, Source source, String loss) {
        this.key = key;
        this.title = title;
        this.scale = scale;
        this.source = source;
        this.loss = loss;
    }

    private static MapKind teaching(String key, String title, Scale scale) {
        return add(new MapKind(key, title, scale, Source.TEACHING, null));
    }

    private static MapKind add(MapKind kind) {
        ALL.add(kind);
        return kind;
    }

    private static String dashed(String name) {
        return name.replace('_', '-');
    }

    /** Every map, teaching maps first, then the registry's gradients and values. */
    public static List<MapKind> values() {
        return Collections.unmodifiableList(ALL);
    }

    /** The gradient map of a registry loss ("ce" and "bce" share the cross-entropy map). */
    public static MapKind gradient(String lossName) {
        String wanted = lossName.equals("bce") ? "ce" : lossName;
        for (MapKind kind : ALL) {
            if (kind.source == Source.GRADIENT && kind.loss.equals(wanted)) {
                return kind;
            }
        }
        throw new EngineException(lossName + " has no gradient map");
    }

    public Source source() {
        return source;
    }

    /** The registry loss whose gradient the map is, or null for the teaching and value maps. */
    public String gradientOf() {
        return source == Source.GRADIENT ? loss : null;
    }

    /** The registry loss whose per-pixel value the map is, or null. */
    public String valueOf() {
        return source == Source.VALUE ? loss : null;
    }

    /** The names of a category map's codes 0, 1, ... (empty for number maps). */
    public List<String> categories() {
        if (this == ERRORS) {
            return List.of("TN", "TP", "FP", "FN", "ignored");
        }
        if (this == BOUNDARY_BANDS) {
            return List.of("none", "target band", "prediction band", "both");
        }
        if (this == SKELETONS) {
            return List.of("none", "target's skeleton", "prediction's skeleton", "both");
        }
        return List.of();
    }

    /**
     * Whether the map's values live where the outlines are drawn (boundary pixels, or skeletons of thin
     * structures): the app dims the outlines while it is shown.
     */
    public boolean onBoundary() {
        return this == EDGE_DISTANCE || this == NSD_MARGIN || this == SKELETONS;
    }

    /** The name used by commands and scene files. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public Scale scale() {
        return scale;
    }

    @Override
    public String toString() {
        return key;
    }

    public static MapKind parse(String key) {
        for (MapKind kind : ALL) {
            if (kind.key.equals(key.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new EngineException("unknown map '" + key + "' (known: "
                + String.join(", ", ALL.stream().map(MapKind::key).toList()) + ")");
    }
}
