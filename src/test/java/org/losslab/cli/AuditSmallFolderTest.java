package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small folder is audited in the first JVM; a long one, or a large one, in a relaunched one with the serial collector. */
class AuditSmallFolderTest {
    @Test
    void smallMeansFewCasesAndFewBytes(@TempDir Path dir) throws Exception {
        Path few = Files.createDirectory(dir.resolve("few"));
        for (int k = 0; k < 3; k++) {
            Files.write(few.resolve("case" + k + ".png"), new byte[1000]);
        }
        assertTrue(AuditCommand.smallFolder(few));
        Path many = Files.createDirectory(dir.resolve("many"));
        for (int k = 0; k <= AuditCommand.SMALL_CASES; k++) {
            Files.write(many.resolve("case" + k + ".png"), new byte[10]);
        }
        assertFalse(AuditCommand.smallFolder(many), "one case more than the limit");
        Path big = Files.createDirectory(dir.resolve("big"));
        Files.write(big.resolve("case.npy"), new byte[(int) AuditCommand.SMALL_BYTES + 1]);
        assertFalse(AuditCommand.smallFolder(big), "one byte more than the limit");
        assertFalse(AuditCommand.smallFolder(dir.resolve("absent")), "an unreadable folder is not small");
    }
}
