package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.losslab.engine.EngineException;

/**
 * The bundled audit sample ({@code assets/audit}, which the lesson "Why does my mean Dice differ between libraries?"
 * opens): its aggregates as the {@code audit:} lesson values read them equal the numbers {@code assets/audit/oracle.py}
 * computed without LossLab (MONAI d388d1c's own functions in float32, hence 1e-6; numpy in float64 for nnU-Net and
 * smp, hence 1e-12), and the conventions differ as the lesson says, each difference traced to its cases.
 */
class BundledAuditSampleTest {
    private static JsonNode expected;
    private static final StepScene STEP = new StepScene(0, "audit", null, null, Map.of(), null, null, null, null, null, null, null,
            null, new Lesson.AuditFolders("audit/labels", "audit/predictions"));

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = BundledAuditSampleTest.class.getResourceAsStream("/audit/bundled-expected.json")) {
            expected = Json.MAPPER.readTree(in);
        }
    }

    private static double value(String name) {
        return Claims.value("audit:" + name, STEP);
    }

    private static void near(JsonNode want, String name, double relative) {
        double v = want.asDouble();
        assertEquals(v, value(name), relative * Math.max(1, Math.abs(v)), name);
    }

    @Test
    void theAggregatesAreTheOraclesNumbers() {
        JsonNode a = expected.get("aggregates");
        for (String metric : new String[] {"dice", "iou"}) {
            near(a.get("nnunet").get(metric).get("foreground_mean"), "nnunet." + metric, 1e-12);
            for (int c = 1; c <= 2; c++) {
                near(a.get("nnunet").get(metric).get("per_class").get(c - 1), "nnunet." + metric + "." + c, 1e-12);
            }
        }
        for (String metric : new String[] {"dice", "hd95", "nsd"}) {
            JsonNode m = a.get("monai").get(metric);
            near(m.get("mean"), "monai." + metric, 1e-6);
            assertEquals(m.get("not_nans").asInt(), value("monai.not_nans." + metric), metric);
            assertEquals(m.get("left_out").asInt(), value("monai.left_out." + metric), metric);
        }
        for (String score : new String[] {"iou", "f1"}) {
            JsonNode s = a.get("smp").get(score + "_score");
            for (String reduction : new String[] {"micro", "macro", "micro-imagewise", "macro-imagewise"}) {
                near(s.get(reduction), "smp." + score + "." + reduction, 1e-12);
            }
        }
        assertEquals(12, value("cases"));
    }

    @Test
    void everyCasesDiceAndMonaiHd95AreTheOraclesNumbers() {
        expected.get("per_case").fields().forEachRemaining(e -> {
            for (int c = 1; c <= 2; c++) {
                JsonNode k = e.getValue().get(String.valueOf(c));
                String prefix = "case." + e.getKey() + ".";
                if (k.get("dice").isNull()) {
                    assertTrue(Double.isNaN(value(prefix + "dice." + c)), prefix + c + " is absent from both");
                } else {
                    near(k.get("dice"), prefix + "dice." + c, 1e-12);
                }
                if (k.get("monai_hd95").isNumber()) {
                    near(k.get("monai_hd95"), prefix + "hd95." + c, 1e-6);
                }
            }
        });
    }

    @Test
    void eachDifferenceBetweenTheConventionsComesFromItsCases() {
        // nnU-Net counts case08's false-positive lesion as Dice 0; MONAI leaves it out (its ground truth is empty)
        assertEquals(0.0, value("case.case08.dice.2"));
        assertEquals(0, value("case.case08.tp.2") + value("case.case08.fn.2"));
        assertEquals(1, value("monai.left_out.dice"));
        assertTrue(value("monai.dice") - value("nnunet.dice") > 0.03, "MONAI's mean Dice visibly above nnU-Net's");
        // case07's missed lesion and case08's false positive have infinite HD95: both left out of MONAI's mean
        assertEquals(Double.POSITIVE_INFINITY, value("case.case07.hd95.2"));
        assertEquals(Double.POSITIVE_INFINITY, value("case.case08.hd95.2"));
        assertEquals(2, value("monai.left_out.hd95"));
        assertEquals(2, value("monai.left_out.hd95.2"));
        // case10's 2 x 2 lesion, found at Dice 0.25, weighs as much as any organ in smp's macro-imagewise, nothing in micro
        assertEquals(0.25, value("case.case10.dice.2"));
        assertTrue(value("smp.f1.micro") - value("smp.f1.macro-imagewise") > 0.1);
    }

    @Test
    void aNameOrAFolderThatDoesNotExistIsRefusedWithWhy() {
        EngineException name = assertThrows(EngineException.class, () -> Claims.check("audit:monai.hd", false));
        assertTrue(name.getMessage().contains("audit:monai.hd95[.C]"), name.getMessage());
        EngineException folder = assertThrows(EngineException.class, () -> BundledFolders.check("audit/labelz"));
        assertTrue(folder.getMessage().contains("known: audit/labels, audit/predictions"), folder.getMessage());
        EngineException noCase = assertThrows(EngineException.class, () -> value("case.case99.dice.1"));
        assertTrue(noCase.getMessage().contains("no case case99"), noCase.getMessage());
        EngineException noClass = assertThrows(EngineException.class, () -> value("nnunet.dice.3"));
        assertTrue(noClass.getMessage().contains("classes 1-2"), noClass.getMessage());
    }
}
