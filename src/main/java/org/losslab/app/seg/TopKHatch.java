package org.losslab.app.seg;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.TopKCrossEntropyLoss;

/**
 * Hatches, over whatever map is shown, the pixels TopK cross-entropy keeps (the k% with the highest cross-entropy,
 * its k from the table's parameters): beside the focal factor map it shows the hard cut against the soft weighting.
 */
final class TopKHatch {
    private final CheckBox toggle = new CheckBox("Hatch TopK CE's pixels");
    private final SegDocument doc;
    private final PaintCanvas canvas;

    TopKHatch(SegDocument doc, PaintCanvas canvas) {
        this.doc = doc;
        this.canvas = canvas;
        toggle.setId("topk-hatch");
        toggle.setTextFill(Color.WHITE);
        toggle.setTooltip(new Tooltip("Stripe the pixels topk_ce averages over (the k% with the highest cross-entropy; "
                + "k is its parameter in the table); the map under the stripes keeps its colours. Multiclass scenes."));
        toggle.selectedProperty().addListener(o -> refresh());
    }

    CheckBox toggle() {
        return toggle;
    }

    /** Recomputes the hatched pixels for the current scene and topk_ce's parameters (after every frame). */
    void refresh() {
        if (!toggle.isSelected() || doc.data().mode() != SegMode.MULTICLASS) {
            canvas.setHatch(null);
            toggle.setDisable(doc.data().mode() != SegMode.MULTICLASS);
            return;
        }
        toggle.setDisable(false);
        try {
            canvas.setHatch(TopKCrossEntropyLoss.keptMask(doc.data(), doc.params(LossRegistry.first(Role.HARDEST_PIXELS, Domains.SEGMENTATION).name())));
        } catch (EngineException e) {
            canvas.setHatch(null);
        }
    }
}
