package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.scene.LabelFiles;

/**
 * CONTRACTS_V3's 3-D sample (NIfTI volumes of anisotropic voxels whose thick axis is not always the last) gives
 * its expected.json exactly. It runs as soon as a NIfTI reader is one of LabelFiles' readers (the volumes work
 * adds it at merge); until then there is nothing to read the sample with.
 */
@EnabledIf("niftiIsRead")
class Audit3dGoldTest {
    @TempDir
    Path dir;

    static boolean niftiIsRead() {
        return LabelFiles.extension("case.nii.gz") != null && LabelFiles.extension("case.nii") != null;
    }

    @Test
    void theThreeDimensionalSampleGivesItsExpectedJsonExactly() throws Exception {
        Path sample = AuditCommandTest.resource("/gold/v3/audit-3d");
        Path out = dir.resolve("out.json");
        CommandRunner run = CommandRunner.run("audit", "--labels", sample.resolve("labels").toString(), "--predictions",
                sample.resolve("predictions").toString(), "--tolerance", "2", "--classes", "3", "--json", out.toString());
        assertEquals(0, run.status, run.err);
        AuditJson.assertSame(sample.resolve("expected.json"), out);
    }
}
