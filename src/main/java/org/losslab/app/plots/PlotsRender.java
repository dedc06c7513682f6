package org.losslab.app.plots;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.Params;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.sweep.PlotData;
import org.losslab.engine.sweep.TeachingPlot;
import org.losslab.scene.PlotSources;
import org.losslab.scene.LossEntry;
import org.losslab.scene.Presets;
import org.losslab.scene.Scene;

/** Draws one teaching plot of a scene to an image, with Java2D only (no display needed). */
public final class PlotsRender {
    private PlotsRender() {
    }

    public static BufferedImage render(Scene scene, String plotName, int width, int height) {
        TeachingPlot plot = TeachingPlot.parse(plotName);
        SegmentationData data = scene.block(Domains.SEGMENTATION).orElseGet(() -> Presets.standard().create(128));
        BoxPairs boxes = scene.block(Domains.BOXES).orElse(null);
        Map<String, Params> params = new LinkedHashMap<>();
        for (LossSpec<?> spec : LossRegistry.all()) {
            params.put(spec.name(), spec.defaults());
        }
        List<String> selected = new ArrayList<>();
        for (LossEntry e : scene.losses()) {
            if (LossRegistry.contains(e.name())) {
                params.put(e.name(), e.bind());
                if (e.spec().domain() == Domains.SEGMENTATION && e.spec().differentiable()) {
                    selected.add(e.name());
                }
            }
        }
        PlotData d = PlotSources.compute(plot, data, boxes, selected.isEmpty() ? plottedByDefault() : selected, params);
        return PlotExport.image(d, false, width, height);
    }

    /** The segmentation losses the registry plots by default (the window's plot starts from the same ones). */
    private static List<String> plottedByDefault() {
        return LossRegistry.withRole(Role.PLOTTED, Domains.SEGMENTATION).stream()
                .filter(LossSpec::differentiable).map(LossSpec::name).toList();
    }
}
