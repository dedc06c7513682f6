package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code bench --audit} without MONAI at hand fails in one line naming what is missing (exit 1), before timing
 * anything; bad options are usage errors (exit 2). The comparison itself runs with MONAI only (README, Benchmarks).
 */
class AuditBenchTest {
    private static final String FOLDER = "src/test/resources/gold/v3/audit-3d";

    private static void oneLine(CommandRunner r, String expected) {
        assertEquals(1, r.status, r.err);
        assertEquals("", r.out);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.contains(expected), r.err);
    }

    @Test
    void noMonaiScript() {
        oneLine(CommandRunner.run("bench", "--audit", FOLDER, "--monai-audit", "no/such/monai_audit.py"),
                "bench: no no/such/monai_audit.py");
    }

    @Test
    void noPython() {
        oneLine(CommandRunner.run("bench", "--audit", FOLDER, "--monai-audit", "bench/monai_audit_values.py", "--python",
                "/no/such/python3"), "bench: cannot start /no/such/python3");
    }

    @Test
    void noMonaiSource() {
        oneLine(CommandRunner.run("bench", "--audit", FOLDER, "--monai-audit", "bench/monai_audit_values.py", "--monai-src",
                "/no/such/monai-src"), "bench: MONAI cannot run with /usr/bin/python3 and MONAI's source in /no/such/monai-src: ");
    }

    @Test
    void aFolderWithoutLabelsAndPredictionsIsAUsageError() {
        CommandRunner r = CommandRunner.run("bench", "--audit", "src/test/resources/gold");
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("--audit takes a folder with labels/ and predictions/"), r.err);
    }
}
