package org.losslab.scene;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.losslab.engine.dataset.Case;
import org.losslab.engine.dataset.LabelMap;

/**
 * The volume case bundled with LossLab (assets/volumes, made by its make_mm_lesson.py): a label map and two
 * predictions of it, one with the lesion found and one with it missed, read once and kept (a few hundred kB).
 */
public final class BundledVolumes {
    /** The cases read so far, by name. */
    private static final Map<String, Case> CASES = new ConcurrentHashMap<>();

    private BundledVolumes() {
    }

    /** The case with the lesion predicted (off by 6.4 mm). */
    public static Case predicted() {
        return CASES.computeIfAbsent("mm-lesson", name -> Case.of(name, read("label"), read("prediction"), null));
    }

    /** The same case with the lesion missed (no voxel of class 2 predicted). */
    public static Case missed() {
        return CASES.computeIfAbsent("mm-lesson-missed", name -> Case.of(name, read("label"), read("missed"), null));
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
