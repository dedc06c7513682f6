package org.losslab.app.seg;

import java.util.Locale;
import org.losslab.app.render.ColorBar;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.maps.PixelReadout;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/** The status bar's read-out under the cursor: the pixel's class, probability and the shown maps' values there. */
final class CursorReadout {
    private CursorReadout() {
    }

    /** The read-out at a cursor position (empty off the scene), with the values of the frame on screen if any. */
    static String at(SegDocument doc, double hoverY, double hoverX, FrameResult shown) {
        SegmentationData d = doc.data();
        int y = (int) Math.floor(hoverY);
        int x = (int) Math.floor(hoverX);
        if (y < 0 || x < 0 || y >= d.height() || x >= d.width()) {
            return "";
        }
        FrameResult r = shown;
        if (r != null && (stale(r.mapValues(), d) || stale(r.comparedValues(), d))) {
            // the frame of a scene of another size (a resize or an undo while it computed): read the scene only
            r = null;
        }
        var focal = doc.params(LossRegistry.first(Role.FOCUSING, Domains.SEGMENTATION).name());
        var readings = PixelReadout.at(d, y, x, r == null ? null : r.factors(),
                focal.number("gamma"), focal.optionalNumber("alpha"), r == null ? null : r.heatmap().kind(),
                r == null ? null : r.mapValues());
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "x %d  y %d", x, y));
        for (var reading : readings) {
            s.append("  ").append(reading.name()).append(' ');
            switch (reading.kind()) {
                case CLASS -> {
                    int k = (int) reading.value();
                    s.append(k < 0 ? "ignored" : d.mode() == SegMode.BINARY ? Integer.toString(k) : k + " " + doc.className(k));
                }
                case PROBABILITY -> s.append(String.format(Locale.ROOT, "%.4f", reading.value()));
                case VALUE -> s.append(ColorBar.format(reading.value()));
            }
        }
        if (r != null && r.compared() != null && r.comparedValues() != null) {
            // the split view's second map at the same pixel, whichever pane the cursor is in
            s.append("  |  ").append(r.compared().kind().key()).append(' ')
                    .append(ColorBar.format(r.comparedValues()[y * d.width() + x]));
        }
        return s.toString();
    }

    private static boolean stale(float[] values, SegmentationData d) {
        return values != null && values.length != d.pixels();
    }
}
