package org.losslab.engine.maps;

import java.util.Locale;

/** The per-pixel maps the engine draws: contributions, weights, gradients, bands and errors. */
public enum MapKind {
    CROSS_ENTROPY("ce", "Cross-entropy per pixel", Scale.MAGNITUDE),
    FOCAL("focal", "Focal loss per pixel", Scale.MAGNITUDE),
    FOCAL_MODULATION("focal-factor", "Focal modulating factor (1 - p_t)^gamma", Scale.MAGNITUDE),
    UNET_WEIGHTS("unet-weights", "U-Net border weights", Scale.MAGNITUDE),
    WEIGHTED_CE("weighted-ce", "U-Net weighted cross-entropy", Scale.MAGNITUDE),
    GRAD_CE("grad-ce", "Cross-entropy gradient dL/dz (BCE or CE, = (p - y) / N)", Scale.SIGNED, "ce"),
    GRAD_DICE("grad-dice", "Dice gradient dL/dz", Scale.SIGNED, "dice"),
    GRAD_JACCARD("grad-jaccard", "Jaccard gradient dL/dz", Scale.SIGNED, "jaccard"),
    GRAD_TVERSKY("grad-tversky", "Tversky gradient dL/dz", Scale.SIGNED, "tversky"),
    GRAD_FOCAL_TVERSKY("grad-focal-tversky", "Focal Tversky gradient dL/dz (tversky with its gamma)", Scale.SIGNED, "tversky"),
    GRAD_LOVASZ("grad-lovasz", "Lovasz gradient dL/dz", Scale.SIGNED, "lovasz"),
    GRAD_MCC("grad-mcc", "MCC gradient dL/dz", Scale.SIGNED, "mcc"),
    GRAD_FOCAL("grad-focal", "Focal loss gradient dL/dz", Scale.SIGNED, "focal"),
    GRAD_DICE_CE("grad-dice-ce", "XEDice (dice_ce) gradient dL/dz", Scale.SIGNED, "dice_ce"),
    GRAD_DICE_FOCAL("grad-dice-focal", "Dice + focal gradient dL/dz", Scale.SIGNED, "dice_focal"),
    GRAD_GENERALIZED_DICE("grad-generalized-dice", "Generalized Dice gradient dL/dz", Scale.SIGNED, "generalized_dice"),
    BOUNDARY_BANDS("bands", "Boundary IoU bands", Scale.CATEGORIES),
    ERRORS("errors", "Errors at the threshold (TP, FP, FN, TN)", Scale.CATEGORIES);

    /** How a map's numbers are read: magnitudes, signed values centred on 0, or category codes. */
    public enum Scale {
        MAGNITUDE, SIGNED, CATEGORIES
    }

    private final String key;
    private final String title;
    private final Scale scale;
    private final String gradientOf;

    MapKind(String key, String title, Scale scale) {
        this(key, title, scale, null);
    }

    /** A gradient map: dL/dz of the registry entry {@code loss} ("ce": bce or ce by the scene's mode). */
    MapKind(String key, String title, Scale scale, String loss) {
        this.key = key;
        this.title = title;
        this.scale = scale;
        this.gradientOf = loss;
    }

    /** The registry loss whose gradient the map is, or null for the teaching maps. */
    public String gradientOf() {
        return gradientOf;
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

    public static MapKind parse(String key) {
        for (MapKind kind : values()) {
            if (kind.key.equals(key.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new org.losslab.engine.EngineException("unknown map '" + key + "' (known: "
                + String.join(", ", java.util.Arrays.stream(values()).map(MapKind::key).toList()) + ")");
    }
}
