package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.EngineException;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.volume.SliceAxis;
import org.losslab.engine.volume.SlicePlane;
import org.losslab.engine.volume.VolumePair;

/**
 * A float NIfTI prediction in the volume view: probabilities when its values are not all integers (the slice's
 * logits give them back, an unedited slice writes back nothing, the metrics' labels are p >= 0.5), labels when they
 * are; NaN and values outside [0, 1] refused in one line; the audit's reader refuses probabilities, as CONTRACTS_V3
 * section 1 reads NIfTI as label maps only.
 */
class ProbabilityVolumeTest {
    private static final int D = 3;
    private static final int H = 4;
    private static final int W = 5;
    @TempDir
    Path dir;

    /** A float32 NIfTI, x fastest, 1 mm voxels, with an RAS qform (code 1, identity quaternion). */
    static Path floats(Path file, float[] values, int[] zyx) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(352 + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 348);
        short[] dim = {3, (short) zyx[2], (short) zyx[1], (short) zyx[0], 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
        }
        b.putShort(70, (short) 16);
        b.putShort(72, (short) 32);
        for (int i = 0; i < 4; i++) {
            b.putFloat(76 + 4 * i, 1);
        }
        b.putFloat(108, 352);
        b.putShort(252, (short) 1);
        b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        for (int i = 0; i < values.length; i++) {
            b.putFloat(352 + 4 * i, values[i]);
        }
        Files.write(file, b.array());
        return file;
    }

    private Path labels(int maxClass) throws IOException {
        float[] truth = new float[D * H * W];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = i % 3 == 0 ? Math.min(maxClass, i % 4) : 0;
        }
        return floats(dir.resolve("gt.nii"), truth, new int[] {D, H, W});
    }

    private static float[] randomProbabilities() {
        Random random = new Random(26);
        float[] p = new float[D * H * W];
        for (int i = 0; i < p.length; i++) {
            p[i] = i % 7 == 0 ? 0 : i % 11 == 0 ? 1 : random.nextFloat();
        }
        return p;
    }

    @Test
    void aFloatPredictionInZeroOneIsReadAsProbabilities() throws IOException {
        float[] p = randomProbabilities();
        Path prediction = floats(dir.resolve("pred.nii"), p, new int[] {D, H, W});
        VolumeCases.Read read = VolumeCases.read(labels(1), prediction);
        assertTrue(read.reading().startsWith("probabilities"), read.reading());
        assertTrue(read.reading().contains("orientation RAS"), read.reading());
        VolumePair pair = read.pair();
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i] >= 0.5 ? 1 : 0, pair.prediction().label(i), "the metrics' labels: p >= 0.5 at " + i);
        }
        for (SliceAxis axis : SliceAxis.values()) {
            SlicePlane plane = pair.plane(axis);
            int[] shape = {D, H, W};
            for (int index = 0; index < plane.count(shape); index++) {
                SegmentationData scene = pair.sliceScene(axis, index);
                assertEquals(SegMode.BINARY, scene.mode());
                for (int r = 0; r < plane.rows(shape); r++) {
                    for (int c = 0; c < plane.columns(shape); c++) {
                        double logit = scene.prediction()[r * plane.columns(shape) + c];
                        double shown = 1 / (1 + Math.exp(-logit));
                        assertEquals(p[plane.flat(shape, index, r, c)], shown, 1e-9, axis + " " + index + " (" + r + ", " + c + ")");
                    }
                }
                assertEquals(0, pair.writeBack(axis, index, scene), "an unedited slice changes no voxel");
            }
        }
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i], pair.probabilities().probability(i), 0, "probabilities kept exactly at " + i);
        }
    }

    @Test
    void integerFloatsAreLabelsAndBadValuesAreRefused() throws IOException {
        float[] whole = new float[D * H * W];
        whole[5] = 1;
        whole[6] = 2;
        NiftiReader.Volume v = NiftiReader.readPrediction(floats(dir.resolve("whole.nii"), whole, new int[] {D, H, W}));
        assertNull(v.probabilities(), "a float label map is labels");
        assertEquals(2, v.labels()[6]);

        float[] nan = randomProbabilities();
        nan[9] = Float.NaN;
        Path nanFile = floats(dir.resolve("nan.nii"), nan, new int[] {D, H, W});
        String message = assertThrows(SceneException.class, () -> NiftiReader.readPrediction(nanFile)).getMessage();
        assertTrue(message.contains("nan.nii") && message.contains("NaN") && message.contains("(4, 1, 0)"), message);

        float[] outside = randomProbabilities();
        outside[17] = 1.5f;
        Path outsideFile = floats(dir.resolve("outside.nii"), outside, new int[] {D, H, W});
        message = assertThrows(SceneException.class, () -> NiftiReader.readPrediction(outsideFile)).getMessage();
        assertTrue(message.contains("outside.nii") && message.contains("[0, 1]") && message.contains("1.5"), message);

        Path soft = floats(dir.resolve("soft.nii"), randomProbabilities(), new int[] {D, H, W});
        message = assertThrows(SceneException.class, () -> NiftiReader.read(soft)).getMessage();
        assertTrue(message.contains("soft.nii") && message.contains("CONTRACTS_V3"), "the audit refuses: " + message);

        Path multiclass = labels(3);
        message = assertThrows(EngineException.class, () -> VolumeCases.read(multiclass, soft)).getMessage();
        assertTrue(message.contains("binary"), message);
    }

    @Test
    void paintingASoftSliceWritesItsProbabilities() throws IOException {
        float[] p = randomProbabilities();
        VolumePair pair = VolumeCases.read(labels(1), floats(dir.resolve("pred.nii"), p, new int[] {D, H, W})).pair();
        SegmentationData scene = pair.sliceScene(SliceAxis.AXIAL, 1);
        double[] logits = scene.prediction().clone();
        logits[0] = 4; // a sure foreground, as the brush paints it
        SegmentationData edited = new SegmentationData(scene.mode(), 1, scene.height(), scene.width(), logits, scene.target());
        assertEquals(1 + (p[pair.plane(SliceAxis.AXIAL).flat(new int[] {D, H, W}, 1, 0, 0)] >= 0.5 ? 0 : 1),
                pair.writeBack(SliceAxis.AXIAL, 1, edited), "the probability, and the label if it crossed 0.5");
        int voxel = pair.plane(SliceAxis.AXIAL).flat(new int[] {D, H, W}, 1, 0, 0);
        assertEquals((float) (1 / (1 + Math.exp(-4))), pair.probabilities().probability(voxel), 0);
        assertEquals(1, pair.prediction().label(voxel));
        assertArrayEquals(new int[] {D, H, W}, pair.probabilities().shape());
    }
}
