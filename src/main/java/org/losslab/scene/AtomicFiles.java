package org.losslab.scene;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a failure half-way (a full disk, a killed process) leaves the previous file
 * as it was: the bytes go to a temporary file beside the target, which then replaces it in one
 * atomic rename. An existing file keeps its permissions, and a symbolic link is written through (its
 * target is replaced, the link stays).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes a file's content to a stream; it may fail half-way. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /** Writes what {@code body} produces; if it fails, the target is as it was and no temporary file stays. */
    public static void write(Path file, Body body) throws IOException {
        Path target = file;
        if (Files.isSymbolicLink(file)) {
            target = file.toRealPath(); // the file the link points to, which must exist to be written through
        }
        if (Files.isDirectory(target)) {
            throw new IOException(file + " is a folder");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("no folder " + parent);
        }
        Set<PosixFilePermission> permissions = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
            permissions = Files.getPosixFilePermissions(target);
        }
        Path temp = Files.createTempFile(parent, ".losslab-", ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                body.writeTo(out);
            }
            if (permissions != null) {
                Files.setPosixFilePermissions(temp, permissions);
            } else if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
                // a new file gets the usual rw-r--r--, not the temporary file's owner-only rights
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
