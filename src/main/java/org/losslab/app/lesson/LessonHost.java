package org.losslab.app.lesson;

import org.losslab.app.detect.DetectionWorkspace;
import org.losslab.app.plots.PlotsWorkspace;
import org.losslab.app.seg.SegmentationWorkspace;
import org.losslab.app.train.TrainingWorkspace;

/**
 * What a lesson needs of the window: the workspaces whose state its steps set, a way to show one, and a way to
 * put every workspace back to the state the window opened with, which every step starts from (so a step is
 * always the same state, whatever the user set before the lesson or did in the step before).
 */
public interface LessonHost {
    SegmentationWorkspace segmentation();

    PlotsWorkspace plots();

    DetectionWorkspace detection();

    TrainingWorkspace training();

    org.losslab.app.audit.AuditWorkspace audit();

    /** Shows the workspace of that key (segmentation, plots, detection or training). */
    void showWorkspace(String key);

    /** Every workspace back to the state the window opened with: the ground a lesson's steps stand on. */
    void resetForLesson();

    /** The lesson moved to another step (presentation mode shows what the step uses). */
    void lessonStepChanged();
}
