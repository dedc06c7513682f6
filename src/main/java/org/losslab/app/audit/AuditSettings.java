package org.losslab.app.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import org.losslab.app.core.ViewSettings;
import org.losslab.engine.dataset.CaseMetric;

/**
 * The audit's settings as the scene file keeps them ({@code losslab_app.audit}): the folders (labels, run A's
 * and run B's predictions), the NSD tolerance, the probability threshold, the compared metric, the scatter's axes
 * and the table's sort. A folder is written relative to the scene file's folder when the scene has a file (so a
 * project moved whole still opens), with its absolute path beside it ({@code <name>_absolute}), which is used
 * when the relative one does not lead to a folder (a scene file copied elsewhere alone).
 */
final class AuditSettings {
    static final String KEY = "audit";

    private final ViewSettings settings = new ViewSettings(KEY);
    /** The scene file's folder, or null while the scene has no file. */
    private Path base;

    AuditSettings(AuditModel model, AuditChoices choices) {
        folder("labels", model.labelsProperty());
        folder("predictions", model.predictionsProperty());
        folder("predictions_b", model.predictionsBProperty());
        settings.number("nsd_tolerance_mm", model.toleranceProperty())
                .number("threshold", model.thresholdProperty())
                .text("compared_metric", choices.comparedProperty(), CaseMetric::key, CaseMetric::parse)
                .text("scatter_x", choices.scatterXProperty(), CaseMetric::key, CaseMetric::parse)
                .text("scatter_y", choices.scatterYProperty(), CaseMetric::key, CaseMetric::parse)
                .text("sort", choices.sortProperty(), s -> s, s -> s);
    }

    private void folder(String name, ObjectProperty<Path> folder) {
        settings.text(name, folder, this::relative, this::resolve);
        settings.text(name + "_absolute", folder, p -> p.toAbsolutePath().normalize().toString(),
                p -> folder.get() != null && Files.isDirectory(folder.get()) ? null : Path.of(p));
    }

    /** The folder relative to the scene file's folder when the scene has a file on the same root, else absolute. */
    private String relative(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (base == null || !absolute.getRoot().equals(base.getRoot())) {
            return absolute.toString();
        }
        String relative = base.relativize(absolute).toString();
        return relative.isEmpty() ? "." : relative;
    }

    private Path resolve(String text) {
        Path path = Path.of(text);
        return path.isAbsolute() || base == null ? path : base.resolve(path).normalize();
    }

    /** The scene file the settings are read from or written to (null: none); folders are written relative to its folder. */
    void sceneFile(Path file) {
        base = file == null ? null : file.toAbsolutePath().normalize().getParent();
    }

    ViewSettings view() {
        return settings;
    }

    ObjectNode toJson() {
        return settings.toJson();
    }
}
