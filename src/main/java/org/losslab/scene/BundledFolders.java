package org.losslab.scene;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Folders bundled with the app, such as the audit sample a lesson opens ({@code assets/audit/}, bundled as
 * {@code /audit}). An audit reads a folder from the disk, and a jar's resources are no folder, so a bundle is copied
 * out once per process into a temporary folder (removed when the process ends). A bundle lists its files in its
 * {@code index.txt}, since a jar's folders cannot be listed.
 */
public final class BundledFolders {
    /** The copy of each bundle (its first path segment) made in this process. */
    private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();

    private BundledFolders() {
    }

    /**
     * The folder at {@code relative} ("audit/labels") in the bundled assets, on the disk; an unknown bundle or a
     * folder without a file in its bundle is an error naming it and the folders the bundle has.
     */
    public static Path folder(String relative) {
        String bundle = check(relative);
        Path root = COPIES.computeIfAbsent(bundle, BundledFolders::copy);
        return root.resolve(relative.substring(bundle.length() + 1));
    }

    /** Refuses, without copying anything, a relative folder that is not in a bundle; returns its bundle's name. */
    public static String check(String relative) {
        int slash = relative.indexOf('/');
        String bundle = slash < 0 ? relative : relative.substring(0, slash);
        List<String> files = index(bundle);
        List<String> folders = files.stream().filter(f -> f.contains("/"))
                .map(f -> bundle + "/" + f.substring(0, f.lastIndexOf('/'))).distinct().toList();
        if (!folders.contains(relative)) {
            throw new SceneException("'" + relative + "' is not a bundled folder (known: " + String.join(", ", folders) + ")");
        }
        return bundle;
    }

    /** The files a bundle lists, relative to it. */
    private static List<String> index(String bundle) {
        try (InputStream in = BundledFolders.class.getResourceAsStream("/" + bundle + "/index.txt")) {
            if (in == null) {
                throw new SceneException("'" + bundle + "' is not a bundled folder (the bundled audit sample is audit/labels"
                        + " with audit/predictions)");
            }
            return listed(in);
        } catch (IOException e) {
            throw new SceneException("cannot read the index of the bundled folder " + bundle + ": " + e.getMessage());
        }
    }

    /** The lines of an index file ({@code lessons/index.txt}, a bundle's {@code index.txt}) but blank ones and # comments. */
    static List<String> listed(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.strip());
            }
        }
        return out;
    }

    private static Path copy(String bundle) {
        try {
            Path root = Files.createTempDirectory("losslab-" + bundle);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root), "losslab-bundle-cleanup"));
            for (String file : index(bundle)) {
                Path target = root.resolve(file).normalize();
                if (!target.startsWith(root)) {
                    throw new SceneException(bundle + "/index.txt: '" + file + "' lies outside the bundle");
                }
                try (InputStream in = BundledFolders.class.getResourceAsStream("/" + bundle + "/" + file)) {
                    if (in == null) {
                        throw new SceneException(bundle + "/index.txt lists " + file + ", which is not bundled");
                    }
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return root;
        } catch (IOException e) {
            throw new SceneException("cannot copy the bundled folder " + bundle + " out: " + SceneFiles.reason(e));
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is the system's to clear; nothing of the user's is in it
        }
    }
}
