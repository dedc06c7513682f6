package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSaveKeepsTheFilesPermissions() throws IOException {
        Path f = dir.resolve("scene.json");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(f, "new");
        assertEquals("new", Files.readString(f));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Path fresh = dir.resolve("fresh.json");
        AtomicFiles.write(fresh, "x");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)), "not owner-only");
    }

    @Test
    void aSaveWritesThroughASymbolicLink() throws IOException {
        Path real = dir.resolve("real.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        AtomicFiles.write(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("new", Files.readString(real));
    }

    @Test
    void aSaveThatFailsLeavesThePreviousFileAndNoDebris() throws IOException {
        Path f = dir.resolve("scene.json");
        Files.writeString(f, "previous");
        // a write that dies half-way, as on a full disk: half the bytes are out when it fails
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half of the new sce".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("No space left on device");
        }));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        assertEquals("previous", Files.readString(f));
    }
}
