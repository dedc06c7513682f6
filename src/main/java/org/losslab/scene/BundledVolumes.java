package org.losslab.scene;

import java.io.IOException;
import java.io.InputStream;
import org.losslab.engine.dataset.Case;
import org.losslab.engine.dataset.LabelMap;

/**
 * The volume case bundled with LossLab (assets/volumes, made by its make_mm_lesson.py): a label map and two
 * predictions of it, one with the lesion found and one with it missed, read once and kept (a few hundred kB).
 */
public final class BundledVolumes {
    private static volatile Case predicted;
    private static volatile Case missed;

    private BundledVolumes() {
    }

    /** The case with the lesion predicted (off by 6.4 mm). */
    public static Case predicted() {
        Case c = predicted;
        if (c == null) {
            c = Case.of("mm-lesson", read("label"), read("prediction"), null);
            predicted = c;
        }
        return c;
    }

    /** The same case with the lesion missed (no voxel of class 2 predicted). */
    public static Case missed() {
        Case c = missed;
        if (c == null) {
            c = Case.of("mm-lesson-missed", read("label"), read("missed"), null);
            missed = c;
        }
        return c;
    }

    private static LabelMap read(String part) {
        String name = "mm-lesson-" + part + ".nii.gz";
        try (InputStream in = BundledVolumes.class.getResourceAsStream("/volumes/" + name)) {
            if (in == null) {
                throw new SceneException("the bundled volume " + name + " is missing from the build");
            }
            NiftiReader.Volume v = NiftiReader.readGzip(in, name);
            return new LabelMap(name, v.shape(), v.spacing(), v.labels());
        } catch (IOException e) {
            throw new SceneException(name + ": cannot read (" + SceneFiles.reason(e) + ")");
        }
    }
}
