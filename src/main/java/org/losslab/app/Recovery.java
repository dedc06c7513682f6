package org.losslab.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.losslab.scene.AtomicFiles;
import org.losslab.scene.Json;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneFiles;

/**
 * The recovery file: while the open scene has unsaved changes, the window writes it here every
 * {@link #INTERVAL_SECONDS} seconds (in the background); a save or a clean exit deletes it. A recovery
 * file found at start means the last session ended without either, and the window offers it back.
 */
public final class Recovery implements AutoCloseable {
    public static final int INTERVAL_SECONDS = 30;

    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "losslab-autosave");
        t.setDaemon(true);
        return t;
    });

    public static Path file() {
        return ErrorLog.dataFolder().resolve("recovery.losslab.json");
    }

    /** Beside the recovery file: which file the scene came from, and when it was written. */
    static Path originFile() {
        return ErrorLog.dataFolder().resolve("recovery.origin.txt");
    }

    /** Writes the scene in the background (the caller has already copied what it needs). */
    public void save(Scene scene, Path origin) {
        ObjectNode json = SceneFiles.toJson(scene);
        String about = (origin == null ? "a new scene" : origin.toString()) + ", autosaved " + java.time.LocalDateTime.now()
                .withNano(0);
        if (writer.isShutdown()) {
            return;
        }
        writer.execute(() -> {
            try {
                Files.createDirectories(file().getParent());
                AtomicFiles.write(file(), out -> Json.MAPPER.writeValue(out, json));
                AtomicFiles.write(originFile(), about);
            } catch (IOException | RuntimeException e) {
                ErrorLog.record("autosave", e);
            }
        });
    }

    /** Removes the recovery file (after a save, or when the user quits on purpose). */
    public void discard() {
        if (writer.isShutdown()) {
            return;
        }
        writer.execute(() -> {
            try {
                Files.deleteIfExists(file());
                Files.deleteIfExists(originFile());
            } catch (IOException e) {
                ErrorLog.record("removing the recovery file", e);
            }
        });
    }

    /** Waits until every write and removal asked for is done. */
    public void flush() {
        if (writer.isShutdown()) {
            return;
        }
        try {
            writer.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            ErrorLog.record("autosave", e);
        }
    }

    /** A recovery file left by a session that ended without saving or quitting, with the file it came from. */
    public static Optional<Found> find() {
        if (!Files.isRegularFile(file())) {
            return Optional.empty();
        }
        return Optional.of(new Found(file(), origin()));
    }

    private static String origin() {
        try {
            return Files.readString(originFile());
        } catch (IOException e) {
            return "an unsaved scene";
        }
    }

    /** What was found: where, and what it was a copy of. */
    public record Found(Path file, String origin) {
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
