package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.losslab.engine.EngineException;

/**
 * The lesson's bundled dataset (assets/coco) against the official pycocotools, recorded with
 * {@code oracle.py assets/coco/gt.json assets/coco/NAME.json bbox} into coco/lesson/NAME-expected.json: the 12
 * numbers and each category's AP within 1e-12, read through the lesson's {@code coco:} values.
 */
class CocoBundleTest {
    private static final double TOLERANCE = 1e-12;
    private static final String[] STATS = {"ap", "ap50", "ap75", "ap_small", "ap_medium", "ap_large", "ar1", "ar10",
        "ar100", "ar_small", "ar_medium", "ar_large"};

    private static JsonNode expected(String detector) throws IOException {
        try (InputStream in = CocoBundleTest.class.getResourceAsStream("/coco/lesson/" + detector + "-expected.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"duplicates", "localisation", "misses"})
    void theLessonValuesArePycocotoolsNumbers(String detector) throws IOException {
        JsonNode expected = expected(detector);
        for (int s = 0; s < STATS.length; s++) {
            assertEquals(expected.get("stats").get(s).asDouble(), Claims.value("coco:" + detector + "." + STATS[s], null),
                    TOLERANCE, detector + " " + STATS[s]);
        }
        CocoReport report = CocoBundle.report(detector);
        JsonNode perCategory = expected.get("per_category");
        for (int k = 0; k < perCategory.size(); k++) {
            assertEquals(perCategory.get(k).get("category_id").asLong(), report.catalogue().categoryId(k));
            assertEquals(perCategory.get(k).get("ap").asDouble(), report.summary().categoryAp(k, Double.NaN), TOLERANCE);
            assertEquals(perCategory.get(k).get("ap50").asDouble(), report.summary().categoryAp(k, .5), TOLERANCE);
        }
    }

    @Test
    void theCatalogueNamesImagesAndCategories() {
        CocoReport report = CocoBundle.report("misses");
        assertEquals("person", report.catalogue().categoryName(0));
        assertEquals("dog", report.catalogue().categoryName(2));
        assertEquals("img01.png", report.catalogue().fileName(0));
        assertEquals(30, report.data().images());
    }

    @Test
    void aNameOutsideTheBundleIsRejectedInOneLine() {
        EngineException e = assertThrows(EngineException.class, () -> Claims.check("coco:perfect.ap", false));
        assertEquals("coco:perfect.ap: unknown bundled detector 'perfect' (duplicates, localisation, misses)", e.getMessage());
        assertThrows(EngineException.class, () -> Claims.check("coco:misses.fix_nothing", false));
        Claims.check("coco:misses.fix_miss", false);
        Claims.check("coco:duplicates.n_dupe", false);
    }
}
