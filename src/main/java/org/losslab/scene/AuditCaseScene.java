package org.losslab.scene;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.losslab.engine.dataset.LabelMap;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * One case of an audited folder pair as a segmentation scene, to look at in the Segmentation workspace: its ground
 * truth as the target, and as the prediction the probabilities its {@code .npy} holds (every heatmap and loss then
 * works on them) or else its label map, one-hot. A binary folder (class 1 only) gives a binary scene; more classes
 * a multiclass scene of classes 0 .. N-1. A volume gives its middle slice (the slice view is another workspace's).
 */
public final class AuditCaseScene {
    /** The largest scene opened: C x H x W values (128 MB of logits); a larger case is refused with its size. */
    static final long MAX_VALUES = 16L << 20;

    private AuditCaseScene() {
    }

    /**
     * A case opened.
     *
     * @param scene   the scene
     * @param reading how the prediction was read, in words ("probabilities, 3 classes, from case07.npy")
     * @param slice   the slice shown of a volume (D x H x W), or -1 for a 2-D case
     * @param depth   the volume's number of slices, or 0
     */
    public record Opened(SegmentationData scene, String reading, int slice, int depth) {
        public boolean volume() {
            return slice >= 0;
        }
    }

    /** Reads case {@code name} of the two folders; {@code classes} is the audit's (the folder pair's) largest class. */
    public static Opened read(Path labels, Path predictions, String name, int classes) {
        Path truthFile = find(labels, name);
        Path predictionFile = find(predictions, name);
        LabelMap truth = LabelFiles.read(truthFile, display(truthFile), 0.5);
        int[] shape = truth.shape();
        double[] probabilities = shape.length == 2 ? probabilities(predictionFile) : null;
        int channels;
        String reading;
        double[] values;
        int[] target = truth.labels();
        int slice = -1;
        if (probabilities != null) {
            channels = probabilities.length == target.length ? 1 : probabilities.length / target.length;
            if (probabilities.length != channels * target.length) {
                throw new SceneException(name + ": the prediction " + display(predictionFile) + " holds " + probabilities.length
                        + " probabilities, the ground truth is " + truth.shapeText());
            }
            values = probabilities;
            reading = "probabilities" + (channels > 1 ? " of " + channels + " classes" : "") + " from " + predictionFile.getFileName();
        } else {
            int[] predicted = LabelFiles.read(predictionFile, display(predictionFile), 0.5).labels();
            if (predicted.length != target.length) {
                throw new SceneException(name + ": the prediction " + display(predictionFile) + " is not the ground truth's "
                        + truth.shapeText());
            }
            if (shape.length == 3) { // a volume: its middle slice, until the slice view opens volumes whole
                slice = shape[0] / 2;
                int pixels = shape[1] * shape[2];
                target = Arrays.copyOfRange(target, slice * pixels, (slice + 1) * pixels);
                predicted = Arrays.copyOfRange(predicted, slice * pixels, (slice + 1) * pixels);
            }
            int largest = Math.max(classes, Math.max(Arrays.stream(target).max().orElse(0), Arrays.stream(predicted).max().orElse(0)));
            channels = largest <= 1 ? 1 : largest + 1;
            values = oneHot(predicted, channels);
            reading = "the label map " + predictionFile.getFileName() + " (no probabilities: each pixel certain)";
        }
        int height = shape[shape.length - 2];
        int width = shape[shape.length - 1];
        return new Opened(scene(name, channels, height, width, values, target), reading, slice, shape.length == 3 ? shape[0] : 0);
    }

    private static SegmentationData scene(String name, int channels, int height, int width, double[] probabilities, int[] labels) {
        if ((long) channels * height * width > MAX_VALUES) {
            throw new SceneException(name + ": " + channels + " x " + height + " x " + width + " is larger than the canvas opens ("
                    + MAX_VALUES + " values)");
        }
        SegMode mode = channels == 1 ? SegMode.BINARY : SegMode.MULTICLASS;
        int[] target = labels.clone();
        for (int i = 0; i < target.length; i++) {
            if (mode == SegMode.BINARY) {
                target[i] = target[i] > 0 ? 1 : 0;
            } else if (target[i] >= channels) {
                throw new SceneException(name + ": the ground truth has class " + target[i] + ", the prediction classes 0 to "
                        + (channels - 1));
            }
        }
        SegmentationData shell = new SegmentationData(mode, channels, height, width, new double[channels * height * width], target);
        double[] logits = SceneInputs.predictionLogits(shell, new NpyReader.Array(new int[] {channels, height, width}, probabilities),
                SceneInputs.Reading.PROBABILITIES);
        return shell.withPrediction(logits);
    }

    /** The float probabilities a 2-D case's {@code .npy} prediction holds (C x H x W or H x W), or null for labels. */
    private static double[] probabilities(Path file) {
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy")) {
            return null;
        }
        String source = display(file);
        NpyReader.Raw raw = NpyReader.readRaw(file, false, (dims, written) -> LabelNpy.shape(dims, written, source));
        if (raw.layout().kind() != 'f') {
            return null;
        }
        double[] values = new double[(int) raw.layout().count()];
        ByteBuffer data = raw.data();
        for (int i = 0; i < values.length; i++) {
            values[i] = NpyReader.finiteValue(data, i, raw.layout().elementSize(), source);
            if (values[i] < 0 || values[i] > 1) {
                throw new SceneException(source + ": value " + i + " is " + values[i] + ", not a probability in [0, 1]");
            }
        }
        return values;
    }

    private static double[] oneHot(int[] labels, int channels) {
        int pixels = labels.length;
        double[] out = new double[channels * pixels];
        for (int i = 0; i < pixels; i++) {
            if (channels == 1) {
                out[i] = labels[i] > 0 ? 1 : 0;
            } else if (labels[i] < channels) {
                out[labels[i] * pixels + i] = 1;
            }
        }
        return out;
    }

    /** The file of case {@code name} in a folder (the stem decides, as the audit pairs files). */
    private static Path find(Path folder, String name) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                String file = f.getFileName().toString();
                return LabelFiles.extension(file) != null && LabelFiles.stem(file).equals(name);
            }).findFirst().orElseThrow(() -> new SceneException(folder + ": no file of case " + name + " (was it removed?)"));
        } catch (IOException e) {
            throw new SceneException(folder + ": cannot list (" + SceneFiles.reason(e) + ")");
        }
    }

    private static String display(Path file) {
        Path parent = file.getParent();
        return parent == null || parent.getFileName() == null ? file.toString() : parent.getFileName() + "/" + file.getFileName();
    }
}
