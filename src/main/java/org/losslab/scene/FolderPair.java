package org.losslab.scene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.losslab.engine.EngineException;
import org.losslab.engine.dataset.Case;
import org.losslab.engine.dataset.CaseSource;
import org.losslab.engine.dataset.LabelMap;

/**
 * A labels folder and a predictions folder as the cases of an audit (CONTRACTS_V3 section 1): a case is a
 * ground-truth file and the prediction with the same stem. Listing checks the pairing (a stem in one folder
 * only, two files with one stem); each case's files are read only when the audit loads it.
 */
public final class FolderPair implements CaseSource {
    /**
     * How to read the cases.
     *
     * @param threshold    for a single probability map: class 1 where p >= it
     * @param spacingXyz   mm per axis, x first (a PNG's width, a NIfTI's i), winning over any header; null: the headers'
     * @param allowMissing list a stem in one folder only instead of refusing the pair
     */
    public record Options(double threshold, double[] spacingXyz, boolean allowMissing) {
    }

    private final List<String> names;
    private final List<Path> references;
    private final List<Path> predictions;
    private final List<String> missing;
    private final Options options;

    private FolderPair(List<String> names, List<Path> references, List<Path> predictions, List<String> missing, Options options) {
        this.names = names;
        this.references = references;
        this.predictions = predictions;
        this.missing = missing;
        this.options = options;
    }

    /** Lists both folders and pairs their files by stem; refuses a folder that is not one, a duplicate stem, a lone file. */
    public static FolderPair open(Path labels, Path predictions, Options options) {
        Map<String, Path> truth = list(labels);
        Map<String, Path> predicted = list(predictions);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Path> e : truth.entrySet()) {
            if (!predicted.containsKey(e.getKey())) {
                missing.add(e.getKey() + ": " + display(e.getValue()) + " has no prediction in " + predictions);
            }
        }
        for (Map.Entry<String, Path> e : predicted.entrySet()) {
            if (!truth.containsKey(e.getKey())) {
                missing.add(e.getKey() + ": " + display(e.getValue()) + " has no ground truth in " + labels);
            }
        }
        if (!missing.isEmpty() && !options.allowMissing()) {
            throw new SceneException(missing.get(0) + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more lone files;"
                    + " --allow-missing lists them and audits the rest)" : ""));
        }
        List<String> names = new ArrayList<>();
        List<Path> references = new ArrayList<>();
        List<Path> paired = new ArrayList<>();
        for (Map.Entry<String, Path> e : truth.entrySet()) {
            if (predicted.containsKey(e.getKey())) {
                names.add(e.getKey());
                references.add(e.getValue());
                paired.add(predicted.get(e.getKey()));
            }
        }
        if (names.isEmpty()) {
            throw new SceneException(labels + " and " + predictions + ": no case (no ground-truth file with a prediction of the same"
                    + " name; files read: .png, .npy)");
        }
        return new FolderPair(List.copyOf(names), List.copyOf(references), List.copyOf(paired), List.copyOf(missing), options);
    }

    /** The label files of a folder by stem, in the order of their names. */
    private static Map<String, Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new SceneException(folder + ": " + (Files.exists(folder) ? "is not a folder" : "no such folder"));
        }
        Map<String, Path> byStem = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || LabelFiles.extension(name) == null || Files.isDirectory(file)) {
                    continue; // hidden files, notes and sub-folders are not cases
                }
                Path before = byStem.put(LabelFiles.stem(name), file);
                if (before != null) {
                    throw new SceneException(display(before) + " and " + display(file) + ": two files for case "
                            + LabelFiles.stem(name) + " in one folder");
                }
            }
        } catch (IOException e) {
            throw new SceneException(folder + ": cannot list (" + SceneFiles.reason(e) + ")");
        }
        return byStem;
    }

    /** A file as messages name it: its folder's name and its own. */
    private static String display(Path file) {
        Path parent = file.getParent();
        return parent == null || parent.getFileName() == null ? file.toString() : parent.getFileName() + "/" + file.getFileName();
    }

    /** The stems found in one folder only, each as a line naming its file (empty unless missing files are allowed). */
    public List<String> missing() {
        return missing;
    }

    @Override
    public int size() {
        return names.size();
    }

    @Override
    public String name(int index) {
        return names.get(index);
    }

    @Override
    public Case load(int index) {
        LabelMap reference = read(references.get(index));
        LabelMap prediction = read(predictions.get(index));
        double[] spacing = options.spacingXyz() == null ? null : reversed(options.spacingXyz());
        if (spacing != null && spacing.length != reference.shape().length) {
            throw new EngineException(display(references.get(index)) + ": --spacing gives " + spacing.length + " values, the case has "
                    + reference.shape().length + " axes (" + reference.shapeText() + ")");
        }
        return Case.of(names.get(index), reference, prediction, spacing);
    }

    private LabelMap read(Path file) {
        return LabelFiles.read(file, display(file), options.threshold());
    }

    /** x, y[, z] to the order of a C-order shape (z, y, x): the last axis varies fastest. */
    private static double[] reversed(double[] xyz) {
        double[] out = new double[xyz.length];
        for (int i = 0; i < xyz.length; i++) {
            out[i] = xyz[xyz.length - 1 - i];
        }
        return out;
    }
}
