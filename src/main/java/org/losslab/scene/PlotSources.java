package org.losslab.scene;

import java.util.List;
import java.util.Map;
import org.losslab.engine.Params;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.sweep.PlotData;
import org.losslab.engine.sweep.TeachingPlot;
import org.losslab.engine.sweep.TeachingSweeps;
import org.losslab.engine.sweep.VolumePlots;

/**
 * The data of any teaching plot: the volume plots draw the bundled volume case ({@link BundledVolumes}, read here
 * because the engine reads no files), every other plot the scene, through {@link TeachingSweeps}.
 */
public final class PlotSources {
    private PlotSources() {
    }

    /** As {@link TeachingSweeps#compute}, the volume plots included. */
    public static PlotData compute(TeachingPlot plot, SegmentationData scene, BoxPairs boxes, List<String> selected,
                                   Map<String, Params> params) {
        if (plot.isVolume()) {
            return VolumePlots.compute(plot, BundledVolumes.predicted(), BundledVolumes.missed());
        }
        return TeachingSweeps.compute(plot, scene, boxes, selected, params);
    }
}
