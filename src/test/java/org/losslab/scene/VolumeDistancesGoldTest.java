package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.losslab.engine.distance.SurfaceMetrics;

/**
 * The NIfTI reader and the surface distances together on the gold v3 volume sample (a copy of
 * {@code ../shared/gold/v3/audit-3d}, computed with numpy/scipy in float64): every case's spacing from its
 * headers, and hd, hd95 and nsd of every class to the bit; assd to 1e-15 relative (a sum, whose order
 * differs from numpy's pairwise one).
 */
class VolumeDistancesGoldTest {

    @Test
    void theGoldVolumeSampleGivesItsDistances() throws Exception {
        Path dir = Path.of(getClass().getResource("/gold/v3/audit-3d").toURI());
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        double tolerance = expected.get("tolerance").asDouble();
        int checked = 0;
        for (JsonNode c : expected.get("cases")) {
            String name = c.get("case").asText();
            NiftiReader.Volume reference = NiftiReader.read(find(dir.resolve("labels"), name));
            NiftiReader.Volume prediction = NiftiReader.read(find(dir.resolve("predictions"), name));
            double[] spacing = new double[3];
            for (int a = 0; a < 3; a++) {
                spacing[a] = c.get("spacing").get(a).asDouble();
            }
            assertArrayEquals(spacing, reference.headerSpacing(), 0.0, name);
            assertArrayEquals(spacing, prediction.headerSpacing(), 0.0, name);
            for (Iterator<Map.Entry<String, JsonNode>> it = c.get("classes").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                int label = Integer.parseInt(entry.getKey());
                SurfaceMetrics m = SurfaceMetrics.compute(mask(reference, label), mask(prediction, label),
                        reference.shape(), reference.spacing());
                String where = name + " class " + label;
                assertEquals(value(entry.getValue().get("hd")), m.hd(), 0.0, where + " hd");
                assertEquals(value(entry.getValue().get("hd95")), m.hd95(), 0.0, where + " hd95");
                assertEquals(value(entry.getValue().get("nsd")), m.nsd(tolerance), 0.0, where + " nsd");
                double assd = value(entry.getValue().get("assd"));
                assertEquals(assd, m.assd(), Double.isFinite(assd) ? 1e-15 * assd : 0.0, where + " assd");
                checked++;
            }
        }
        assertEquals(16, checked);
    }

    private static Path find(Path folder, String stem) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches(stem + "\\.nii(\\.gz)?")).findFirst().orElseThrow();
        }
    }

    private static boolean[] mask(NiftiReader.Volume volume, int label) {
        boolean[] mask = new boolean[volume.labels().length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = volume.labels()[i] == label;
        }
        return mask;
    }

    /** null is NaN and "inf" infinity, as the contract writes them. */
    private static double value(JsonNode node) {
        return node.isNull() ? Double.NaN : node.isTextual() ? Double.POSITIVE_INFINITY : node.asDouble();
    }
}
