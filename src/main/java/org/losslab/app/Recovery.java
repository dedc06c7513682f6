package org.losslab.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.losslab.app.core.ErrorLog;
import org.losslab.scene.AtomicFiles;
import org.losslab.scene.Json;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneFiles;

/**
 * One window's recovery file: while its scene has unsaved changes the window writes it every
 * {@link #INTERVAL_SECONDS} seconds (in the background). Each window has a file of its own, held by a
 * lock while the window lives, so that one window's save or quit never touches another's; the file is
 * removed only when its own document is saved or the user discards it. A file whose lock nobody holds
 * was left by a window that ended without either, and is offered back by the next window that starts.
 */
public final class Recovery implements AutoCloseable {
    public static final int INTERVAL_SECONDS = 30;
    private static final String SCENE = ".losslab.json";

    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "losslab-autosave");
        t.setDaemon(true);
        return t;
    });
    private String id;
    private FileChannel lockChannel;
    private FileLock lock;

    /** A recovery slot of its own, named at random. */
    public Recovery() {
        id = UUID.randomUUID().toString();
    }

    /** The folder every window keeps its recovery file in. */
    public static Path folder() {
        return ErrorLog.dataFolder().resolve("recovery");
    }

    /** This window's recovery file. */
    public Path file() {
        return sceneFile(id);
    }

    private static Path sceneFile(String id) {
        return folder().resolve(id + SCENE);
    }

    private static Path originFile(String id) {
        return folder().resolve(id + ".origin.txt");
    }

    private static Path lockFile(String id) {
        return folder().resolve(id + ".lock");
    }

    /** Writes the scene in the background (the caller has already copied what it needs). */
    public void save(Scene scene, Path origin) {
        ObjectNode json = SceneFiles.toJson(scene);
        String about = (origin == null ? "a new scene" : origin.toString()) + ", autosaved "
                + LocalDateTime.now().withNano(0);
        run(() -> {
            holdLock();
            AtomicFiles.write(file(), out -> Json.MAPPER.writeValue(out, json));
            AtomicFiles.write(originFile(id), about);
        }, "autosave");
    }

    /** Removes this window's recovery file: its document was saved, or the user said to discard it. */
    public void discard() {
        run(() -> deleteFiles(id), "removing the recovery file");
    }

    /** Removes another window's left-over recovery file (the user chose to discard it). */
    public void discard(Found found) {
        run(() -> {
            if (!lockedByOther(found.id())) {
                deleteFiles(found.id());
            }
        }, "removing a recovery file");
    }

    /**
     * Takes over a left-over recovery file that was just restored: it stays on disk as this window's own
     * until the restored scene is saved or discarded, so a second crash does not lose it.
     */
    public void adopt(Found found) {
        run(() -> {
            String previous = id;
            releaseLock();
            deleteFiles(previous);
            id = found.id();
            holdLock();
        }, "taking over a recovery file");
        flush();
    }

    private interface IoWork {
        void run() throws IOException;
    }

    private void run(IoWork work, String what) {
        if (writer.isShutdown()) {
            return;
        }
        writer.execute(() -> {
            try {
                work.run();
            } catch (IOException | RuntimeException e) {
                ErrorLog.record(what, e);
            }
        });
    }

    private static void deleteFiles(String id) throws IOException {
        Files.deleteIfExists(sceneFile(id));
        Files.deleteIfExists(originFile(id));
    }

    /** The lock that tells other windows this file is alive (released by the system if the process dies). */
    private void holdLock() throws IOException {
        if (lock != null) {
            return;
        }
        Files.createDirectories(folder());
        lockChannel = FileChannel.open(lockFile(id), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.tryLock();
    }

    private void releaseLock() throws IOException {
        if (lock != null) {
            lock.release();
            lock = null;
        }
        if (lockChannel != null) {
            lockChannel.close();
            lockChannel = null;
            Files.deleteIfExists(lockFile(id));
        }
    }

    /** Whether a living window (in this process or another) holds the recovery file of that id. */
    private static boolean lockedByOther(String id) {
        Path lockPath = lockFile(id);
        if (!Files.exists(lockPath)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // a window of this process holds it
        } catch (IOException e) {
            return false;
        }
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
        } catch (ExecutionException e) {
            ErrorLog.record("autosave", e);
        }
    }

    /**
     * The recovery files left by windows that ended without saving or discarding (none of a window still
     * open), newest first, each with the file it came from.
     */
    public static List<Found> leftOver() {
        if (!Files.isDirectory(folder())) {
            return List.of();
        }
        List<Found> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder())) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SCENE)).toList()) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - SCENE.length());
                if (Files.isRegularFile(f) && !lockedByOther(id)) {
                    out.add(new Found(id, f, origin(id), Files.getLastModifiedTime(f).toMillis()));
                }
            }
        } catch (IOException e) {
            ErrorLog.record("looking for recovery files", e);
        }
        out.sort(Comparator.comparingLong(Found::modified).reversed());
        return out;
    }

    /** The newest left-over recovery file, if any. */
    public static Optional<Found> find() {
        return leftOver().stream().findFirst();
    }

    private static String origin(String id) {
        try {
            return Files.readString(originFile(id));
        } catch (IOException e) {
            return "an unsaved scene";
        }
    }

    /** A left-over recovery file: its id, where it is, what it was a copy of, when it was written. */
    public record Found(String id, Path file, String origin, long modified) {
    }

    /** Stops writing and lets go of the file (which stays on disk unless it was discarded). */
    @Override
    public void close() {
        run(this::releaseLock, "releasing the recovery file");
        flush();
        writer.shutdown();
    }
}
