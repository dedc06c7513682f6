package org.losslab.app;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.DoubleProperty;
import org.losslab.app.audit.AuditWorkspace;
import org.losslab.app.core.Workspace;
import org.losslab.app.detect.BoxDocument;
import org.losslab.app.detect.DetectionWorkspace;
import org.losslab.app.plots.PlotsWorkspace;
import org.losslab.app.seg.SegDocument;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.app.train.TrainingWorkspace;

/** The workspaces of the window, in tab order: adding one is a class implementing {@link Workspace} and a line here. */
public final class Workspaces {
    /**
     * What workspaces share: the segmentation scene, which the plots and the training playground follow, and the
     * boxes, whose first pair the box and quality plots take, and NSD's tolerance in mm, which the audit sets and the
     * volume view of the segmentation workspace follows.
     */
    public record Shared(SegDocument segmentation, BoxDocument boxes, DoubleProperty nsdTolerance) {
    }

    private static final List<Function<Shared, Workspace>> ALL = List.of(
            shared -> new SegmentationWorkspace(shared.segmentation(), shared.nsdTolerance()),
            shared -> new PlotsWorkspace(shared.segmentation(), shared.boxes()),
            shared -> new DetectionWorkspace(shared.boxes()),
            shared -> new TrainingWorkspace(shared.segmentation()),
            shared -> new AuditWorkspace(shared.nsdTolerance()));

    private Workspaces() {
    }

    public static List<Workspace> create(Shared shared) {
        return ALL.stream().map(f -> f.apply(shared)).toList();
    }
}
