package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.losslab.scene.Json;

/** Compares an audit's JSON with an expected one: the same keys, counts as whole numbers, every double to the bit (see {@link #sameNumber}). */
final class AuditJson {
    private AuditJson() {
    }

    static void assertSame(Path expected, Path actual) throws Exception {
        List<String> differences = new ArrayList<>();
        walk(Json.MAPPER.readTree(expected.toFile()), Json.MAPPER.readTree(actual.toFile()), "", differences);
        assertTrue(differences.isEmpty(), differences.size() + " differences, first: "
                + differences.subList(0, Math.min(10, differences.size())));
    }

    private static void walk(JsonNode want, JsonNode got, String path, List<String> differences) {
        if (want.isObject()) {
            List<String> wantKeys = new ArrayList<>();
            want.fieldNames().forEachRemaining(wantKeys::add);
            List<String> gotKeys = new ArrayList<>();
            got.fieldNames().forEachRemaining(gotKeys::add);
            if (!got.isObject() || !wantKeys.equals(gotKeys)) {
                differences.add(path + ": keys " + gotKeys + ", expected " + wantKeys);
                return;
            }
            for (Iterator<String> keys = want.fieldNames(); keys.hasNext();) {
                String key = keys.next();
                walk(want.get(key), got.get(key), path + "/" + key, differences);
            }
        } else if (want.isArray()) {
            if (!got.isArray() || got.size() != want.size()) {
                differences.add(path + ": " + got.size() + " entries, expected " + want.size());
                return;
            }
            for (int i = 0; i < want.size(); i++) {
                walk(want.get(i), got.get(i), path + "/" + i, differences);
            }
        } else if (want.isIntegralNumber() != got.isIntegralNumber() || want.isNumber() != got.isNumber()
                || (want.isNumber() ? !sameNumber(path, want.doubleValue(), got.doubleValue()) : !want.equals(got))) {
            differences.add(path + ": " + got + ", expected " + want);
        }
    }

    /**
     * To the bit, except a case's ASSD and HD, whose sums of squared steps and of distances are added in the reference
     * array's axis order (x first in a NIfTI volume as nibabel gives it, the first axis first in a .npy volume, while
     * the engine adds x first for both): on .npy volumes the last bits of those may differ, within 1e-13 relative.
     */
    private static boolean sameNumber(String path, double want, double got) {
        if (want == got) {
            return true;
        }
        boolean summed = path.endsWith("/assd") || path.endsWith("/hd");
        return summed && Math.abs(want - got) <= 1e-13 * Math.abs(want);
    }

    static void assertEqualsKeyOrder(List<String> expected, JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        assertEquals(expected, keys);
    }
}
