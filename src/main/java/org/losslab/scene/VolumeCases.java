package org.losslab.scene;

import java.nio.file.Path;
import java.util.Arrays;
import org.losslab.engine.volume.LabelVolume;
import org.losslab.engine.volume.Orientation;
import org.losslab.engine.volume.ProbabilityVolume;
import org.losslab.engine.volume.VolumePair;

/**
 * Reads a volume case for the view: the ground truth as a label map, the prediction as a label map or, when it is a
 * float file whose values are not all integers, as probabilities of class 1 (soft prediction; values outside [0, 1]
 * or NaN refused); shown in the orientation of the ground truth's header. The audit reads NIfTI predictions as
 * label maps only, as CONTRACTS_V3 section 1 says.
 */
public final class VolumeCases {
    /** A case as read, and what the user is told about the reading. */
    public record Read(VolumePair pair, String reading) {
    }

    private VolumeCases() {
    }

    /** Reads both files; one-line errors name the file. */
    public static Read read(Path labels, Path prediction) {
        NiftiReader.Volume truth = NiftiReader.read(labels);
        NiftiReader.Volume predicted = NiftiReader.readPrediction(prediction);
        LabelVolume truthVolume = LabelVolume.of(labels.toString(), check(labels, truth), truth.spacing(), truth.labels());
        Orientation orientation = truth.affine().orientation();
        Orientation other = predicted.affine().orientation();
        String reading = orientation.known() ? "orientation " + orientation.codes() + " (radiological view)"
                : "no orientation: " + orientation.problem() + "; shown in array order";
        if (!orientation.codes().equals(other.codes())) {
            reading += "; the prediction's header says " + (other.known() ? other.codes() : "no orientation")
                    + ", the ground truth's is used";
        }
        if (predicted.probabilities() == null) {
            LabelVolume p = LabelVolume.of(prediction.toString(), check(prediction, predicted), predicted.spacing(),
                    predicted.labels());
            return new Read(new VolumePair(truthVolume, p, orientation), "hard labels; " + reading);
        }
        ProbabilityVolume p = new ProbabilityVolume(prediction.toString(), check(prediction, predicted),
                predicted.probabilities());
        return new Read(VolumePair.soft(truthVolume, p, predicted.spacing(), orientation),
                "probabilities (float values in [0, 1]; metrics at p >= 0.5); " + reading);
    }

    private static int[] check(Path file, NiftiReader.Volume v) {
        String problem = v.spacingProblem();
        if (problem != null) {
            throw new SceneException(file + ": " + problem + " (distances in mm need the voxel size)");
        }
        if (v.shape().length != 3) {
            throw new SceneException(file + ": a 2-D image of " + Arrays.toString(v.shape()) + " pixels; a volume case"
                    + " needs 3-D volumes (open 2-D masks with Import)");
        }
        return v.shape();
    }
}
