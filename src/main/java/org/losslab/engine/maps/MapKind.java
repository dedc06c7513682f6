package org.losslab.engine.maps;

import java.util.Locale;

/** The per-pixel maps the engine draws: contributions, weights, gradients, bands and errors. */
public enum MapKind {
    CROSS_ENTROPY("ce", "Cross-entropy per pixel", Scale.MAGNITUDE),
    FOCAL("focal", "Focal loss per pixel", Scale.MAGNITUDE),
    FOCAL_MODULATION("focal-factor", "Focal modulating factor (1 - p_t)^gamma", Scale.MAGNITUDE),
    UNET_WEIGHTS("unet-weights", "U-Net border weights", Scale.MAGNITUDE),
    WEIGHTED_CE("weighted-ce", "U-Net weighted cross-entropy", Scale.MAGNITUDE),
    GRAD_CE("grad-ce", "Cross-entropy gradient dL/dz (BCE or CE, = (p - y) / N)", Scale.SIGNED),
    GRAD_DICE("grad-dice", "Dice gradient dL/dz", Scale.SIGNED),
    GRAD_JACCARD("grad-jaccard", "Jaccard gradient dL/dz", Scale.SIGNED),
    GRAD_TVERSKY("grad-tversky", "Tversky gradient dL/dz", Scale.SIGNED),
    GRAD_FOCAL_TVERSKY("grad-focal-tversky", "Focal Tversky gradient dL/dz (tversky with its gamma)", Scale.SIGNED),
    GRAD_LOVASZ("grad-lovasz", "Lovasz gradient dL/dz", Scale.SIGNED),
    GRAD_MCC("grad-mcc", "MCC gradient dL/dz", Scale.SIGNED),
    GRAD_FOCAL("grad-focal", "Focal loss gradient dL/dz", Scale.SIGNED),
    GRAD_DICE_CE("grad-dice-ce", "XEDice (dice_ce) gradient dL/dz", Scale.SIGNED),
    GRAD_DICE_FOCAL("grad-dice-focal", "Dice + focal gradient dL/dz", Scale.SIGNED),
    GRAD_GENERALIZED_DICE("grad-generalized-dice", "Generalized Dice gradient dL/dz", Scale.SIGNED),
    BOUNDARY_BANDS("bands", "Boundary IoU bands", Scale.CATEGORIES),
    ERRORS("errors", "Errors at the threshold (TP, FP, FN, TN)", Scale.CATEGORIES);

    /** How a map's numbers are read: magnitudes, signed values centred on 0, or category codes. */
    public enum Scale {
        MAGNITUDE, SIGNED, CATEGORIES
    }

    private final String key;
    private final String title;
    private final Scale scale;

    MapKind(String key, String title, Scale scale) {
        this.key = key;
        this.title = title;
        this.scale = scale;
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
