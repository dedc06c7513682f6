package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.losslab.engine.volume.LabelVolume;
import org.losslab.engine.volume.Orientation;
import org.losslab.engine.volume.SliceAxis;
import org.losslab.engine.volume.SlicePlane;

/**
 * Orientation against nibabel 5 (recorded by {@code orientation/record.py}): io_orientation and aff2axcodes of
 * permuted, flipped, oblique, sheared and random affines; the affine a header gives (sform over qform, qform with
 * qfac -1, neither) as nibabel's img.affine; and every radiological slice of small files, which the recorder cut
 * through nibabel's as_closest_canonical, equal pixel for pixel to the planes LossLab lays out.
 */
class OrientationTest {
    private static JsonNode json(String name) throws IOException {
        try (InputStream in = OrientationTest.class.getResourceAsStream("/orientation/" + name)) {
            return Json.MAPPER.readTree(in);
        }
    }

    private static double[] rows(JsonNode affine) {
        double[] out = new double[12];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                out[4 * r + c] = affine.get(r).get(c).asDouble();
            }
        }
        return out;
    }

    @Test
    void axisCodesAreNibabels() throws IOException {
        JsonNode cases = json("affines.json");
        assertTrue(cases.size() >= 16);
        for (JsonNode c : cases) {
            String name = c.get("name").asText();
            Orientation o = Orientation.of(rows(c.get("affine")));
            assertEquals(c.get("axcodes").asText(), o.codes(), name);
            int[][] expected = new int[3][];
            for (int v = 0; v < 3; v++) {
                expected[v] = new int[] {c.get("ornt").get(v).get(0).asInt(), c.get("ornt").get(v).get(1).asInt()};
            }
            assertArrayEquals(expected, o.ioOrientation(), name);
        }
    }

    @Test
    void aSingularAffineHasNoOrientation() {
        Orientation o = Orientation.of(new double[] {1, 2, 0, 0, 2, 4, 0, 0, 0, 0, 1, 0});
        assertFalse(o.known());
        assertTrue(o.problem().contains("singular"), o.problem());
        assertEquals(SlicePlane.arrayOrder(SliceAxis.CORONAL), o.plane(SliceAxis.CORONAL), "array order without one");
    }

    @Test
    void theHeadersAffineAndTheShownSlicesAreNibabels() throws IOException, URISyntaxException {
        for (JsonNode f : json("files.json")) {
            String name = f.get("name").asText();
            Path file = Path.of(OrientationTest.class.getResource("/orientation/" + f.get("file").asText()).toURI());
            NiftiReader.Volume v = NiftiReader.read(file);
            Orientation o = v.affine().orientation();
            if (!f.has("shown")) {
                assertNull(v.affine().rows(), name);
                assertFalse(o.known(), name);
                assertTrue(o.problem().contains("qform_code and sform_code"), o.problem());
                continue;
            }
            double[] expected = rows(f.get("best_affine"));
            double[] read = v.affine().rows();
            for (int i = 0; i < 12; i++) {
                assertEquals(expected[i], read[i], 1e-6 * Math.max(1, Math.abs(expected[i])), name + " affine entry " + i);
            }
            assertEquals(f.get("axcodes").asText(), o.codes(), name);
            // the labels the recorder wrote, data[i][j][k] as nibabel reads them, against the reader's C order
            int[] shape = v.shape();
            JsonNode data = f.get("data_ijk");
            int[] labels = v.labels();
            for (int i = 0; i < shape[2]; i++) {
                for (int j = 0; j < shape[1]; j++) {
                    for (int k = 0; k < shape[0]; k++) {
                        assertEquals(data.get(i).get(j).get(k).asInt(), labels[(k * shape[1] + j) * shape[2] + i]);
                    }
                }
            }
            LabelVolume volume = LabelVolume.of(name, shape, v.spacing(), labels);
            for (SliceAxis axis : SliceAxis.values()) {
                SlicePlane plane = o.plane(axis);
                JsonNode shown = f.get("shown").get(axis.key());
                assertEquals(2 - shown.get("voxel_axis").asInt(), plane.fixedAxis(), name + " " + axis + ": fixed array axis");
                JsonNode slices = shown.get("slices");
                assertEquals(slices.size(), plane.count(shape));
                for (int t = 0; t < slices.size(); t++) {
                    JsonNode rowsOf = slices.get(t);
                    int[] want = new int[rowsOf.size() * rowsOf.get(0).size()];
                    for (int r = 0, n = 0; r < rowsOf.size(); r++) {
                        for (int c = 0; c < rowsOf.get(r).size(); c++) {
                            want[n++] = rowsOf.get(r).get(c).asInt();
                        }
                    }
                    assertEquals(rowsOf.size(), plane.rows(shape), name + " " + axis + ": rows");
                    assertArrayEquals(want, volume.slice(plane, t), name + " " + axis + " slice " + t);
                }
            }
            assertArrayEquals(new String[] {"A", "P", "R", "L"}, o.plane(SliceAxis.AXIAL).edges());
            assertArrayEquals(new String[] {"S", "I", "R", "L"}, o.plane(SliceAxis.CORONAL).edges());
            assertArrayEquals(new String[] {"S", "I", "A", "P"}, o.plane(SliceAxis.SAGITTAL).edges());
        }
    }
}
