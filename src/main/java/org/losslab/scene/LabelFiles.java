package org.losslab.scene;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.losslab.engine.EngineException;
import org.losslab.engine.dataset.LabelMap;

/**
 * The file formats a case can be read from, by extension (CONTRACTS_V3 section 1). Each format is one entry of
 * {@link #READERS}: a reader of a file as a {@link LabelMap} (shape in C order, spacing from its header in the
 * same order, or null). NIfTI volumes join as two entries, {@code ".nii"} and {@code ".nii.gz"}.
 */
public final class LabelFiles {
    /** Reads one file as a label map; {@code threshold} is for a single probability map (class 1 where p >= it). */
    public interface Reader {
        LabelMap read(Path file, String source, double threshold);
    }

    /** The readers by extension (lower case, with its dot); the longest extension a name ends with decides. */
    private static final Map<String, Reader> READERS = Map.of(
            ".png", (file, source, threshold) -> LabelPng.read(file, source),
            ".npy", LabelNpy::read,
            ".nii", LabelFiles::nifti,
            ".nii.gz", LabelFiles::nifti);

    /** A NIfTI-1 volume: voxel values as classes, the header's spacing (a broken one is an error naming the file). */
    private static LabelMap nifti(Path file, String source, double threshold) {
        NiftiReader.Volume volume = NiftiReader.read(file);
        String problem = volume.spacingProblem();
        if (problem != null) {
            throw new SceneException(source + ": " + problem);
        }
        return new LabelMap(source, volume.shape(), volume.spacing(), volume.labels());
    }

    private LabelFiles() {
    }

    /** The extension of a file name LossLab reads labels from (".png", ".npy", ...), or null for any other file. */
    public static String extension(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String found = null;
        for (String extension : READERS.keySet()) {
            if (lower.endsWith(extension) && lower.length() > extension.length()
                    && (found == null || extension.length() > found.length())) {
                found = extension;
            }
        }
        return found;
    }

    /** The name without its extension: the case's stem. */
    public static String stem(String fileName) {
        return fileName.substring(0, fileName.length() - extension(fileName).length());
    }

    /** Reads {@code file} (of an extension {@link #extension} knows); errors name it as {@code source}. */
    public static LabelMap read(Path file, String source, double threshold) {
        try {
            return READERS.get(extension(file.getFileName().toString())).read(file, source, threshold);
        } catch (EngineException e) {
            throw new SceneException(named(e.getMessage(), file, source));
        }
    }

    /** A reader's message with the file named as {@code source}, whether it named it by path, by name or not at all. */
    private static String named(String message, Path file, String source) {
        for (String name : new String[] {source, file.toString(), String.valueOf(file.getFileName())}) {
            if (message.startsWith(name + ":")) {
                return source + message.substring(name.length());
            }
        }
        return source + ": " + message;
    }
}
