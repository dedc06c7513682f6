package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.losslab.engine.dataset.AggregateUse;
import org.losslab.engine.dataset.AuditResult;
import org.losslab.engine.dataset.CaseResult;
import org.losslab.engine.dataset.DatasetAudit;

/**
 * The rows the Audit workspace marks for a clicked mean are the values that mean averages: on the bundled sample,
 * nnU-Net's are the (case, class) pairs numpy's reference gives a Dice, MONAI's HD95 the pairs MONAI's own function
 * gives a number ({@code assets/audit/oracle.py}'s recording), and their counts are MONAI's {@code not_nans}.
 */
class AggregateUseTest {
    @Test
    void theMarkedRowsAreTheOnesTheReferencesAverage() throws Exception {
        JsonNode expected;
        try (InputStream in = AggregateUseTest.class.getResourceAsStream("/audit/bundled-expected.json")) {
            expected = Json.MAPPER.readTree(in);
        }
        FolderPair pair = FolderPair.open(BundledFolders.folder("audit/labels"), BundledFolders.folder("audit/predictions"),
                new FolderPair.Options(0.5, null, false));
        AuditResult audit = DatasetAudit.run(pair, new DatasetAudit.Settings(0, 1.0, 2), (r, done, total) -> { }, () -> false);
        int monaiHd95 = 0;
        int monaiDice = 0;
        int rows = 0;
        for (CaseResult r : audit.cases()) {
            JsonNode reference = expected.get("per_case").get(r.name());
            for (int c = 1; c <= audit.classes(); c++) {
                JsonNode k = reference.get(String.valueOf(c));
                String where = r.name() + " class " + c;
                assertEquals(!k.get("dice").isNull(), AggregateUse.NNUNET.uses(r.of(c)), where + ", nnU-Net");
                assertEquals(k.get("monai_hd95").isNumber(), AggregateUse.MONAI_HD95.uses(r.of(c)), where + ", MONAI HD95");
                assertEquals(true, AggregateUse.SMP.uses(r.of(c)), where + ", smp pools every value");
                monaiHd95 += AggregateUse.MONAI_HD95.uses(r.of(c)) ? 1 : 0;
                monaiDice += AggregateUse.MONAI_DICE.uses(r.of(c)) ? 1 : 0;
                rows++;
            }
        }
        JsonNode monai = expected.get("aggregates").get("monai");
        assertEquals(monai.get("hd95").get("not_nans").asInt(), monaiHd95);
        assertEquals(monai.get("dice").get("not_nans").asInt(), monaiDice);
        assertEquals(24, rows);
    }
}
