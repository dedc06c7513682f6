package org.losslab.app.seg;

import static org.losslab.app.core.Action.plain;
import static org.losslab.app.core.Action.shortcut;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import org.losslab.app.core.Action;
import org.losslab.app.core.Dialogs;
import org.losslab.app.core.Offscreen;
import org.losslab.app.render.ColorMaps;
import org.losslab.engine.EngineException;
import org.losslab.engine.paint.MapOperations;
import org.losslab.scene.AtomicFiles;
import org.losslab.scene.MaskImport;
import org.losslab.scene.NpyReader;
import org.losslab.scene.SceneInputs;

/**
 * What the segmentation workspace lets the user do from menus and keys: tools, layers, view, the
 * operations on the whole prediction, and the files it imports and exports.
 */
final class SegmentationActions {
    private final SegmentationWorkspace ws;
    private final SegDocument doc;

    SegmentationActions(SegmentationWorkspace ws) {
        this.ws = ws;
        this.doc = ws.document();
    }

    List<Action> all() {
        List<Action> out = new ArrayList<>();
        out.add(Action.menu("File", "Import mask (PNG)…", this::importMask));
        out.add(Action.menu("File", "Import prediction (NumPy .npy)…", this::importNpy));
        out.add(Action.menu("File", "Import background image (PNG, JPEG)…", this::importBackground));
        out.add(Action.menu("File", "Export canvas as PNG…", this::exportPng, shortcut(KeyCode.E)));
        out.add(Action.menu("File", "Export table as CSV…", this::exportCsv));
        out.add(Action.menu("Edit", "Confidence (scale logits)…", this::confidence));
        out.add(Action.menu("Edit", "Blur prediction", () -> operation("blur", () -> MapOperations.blur(doc.data(), 2))));
        out.add(Action.menu("Edit", "Shift prediction…", this::shift));
        out.add(Action.menu("Edit", "Dilate prediction", () -> operation("dilate", () -> MapOperations.morph(doc.data(), 2, true))));
        out.add(Action.menu("Edit", "Erode prediction", () -> operation("erode", () -> MapOperations.morph(doc.data(), 2, false))));
        out.add(Action.menu("Edit", "Copy target to prediction", () -> operation("copy target", () -> MapOperations.fromTarget(doc.data()))));
        out.add(Action.menu("Edit", "Invert prediction", () -> operation("invert", () -> MapOperations.invert(doc.data()))));
        out.add(Action.menu("Edit", "Clear prediction (p = 0.5)", () -> operation("clear", () -> MapOperations.clear(doc.data()))));
        PaintCanvas canvas = ws.canvas();
        out.add(Action.menu("View", "Fit to window", canvas::fit, shortcut(KeyCode.DIGIT0))
                .withHelp("also a double click on the zoom read-out; the wheel zooms around the cursor"));
        out.add(Action.menu("View", "Zoom in", () -> zoomBy(1.25), shortcut(KeyCode.PLUS), shortcut(KeyCode.EQUALS)));
        out.add(Action.menu("View", "Zoom out", () -> zoomBy(0.8), shortcut(KeyCode.MINUS)));
        out.add(Action.menu("View", "Toggle heatmap", ws::toggleHeatmap, plain(KeyCode.V)));
        out.add(Action.menu("View", "Explain the selected number…", ws::explainSelected, plain(KeyCode.X))
                .withHelp("the selected table entry as a waterfall of its computation, with each line's pixels"));
        out.add(Action.menu("View", "Switch palette of magnitude maps (viridis / cividis)", () -> ws.paletteProperty().set(
                ws.paletteProperty().get() == ColorMaps.Palette.VIRIDIS
                        ? ColorMaps.Palette.CIVIDIS : ColorMaps.Palette.VIRIDIS)));
        for (Tool t : Tool.values()) {
            out.add(Action.key(t.title, t == Tool.BRUSH ? "hold Alt or drag with the right button to erase" : "",
                    () -> ws.controller().toolProperty().set(t), plain(t.key)));
        }
        out.add(Action.key("Paint the ground truth", "", () -> ws.controller().editTargetProperty().set(true), plain(KeyCode.T)));
        out.add(Action.key("Paint the prediction", "", () -> ws.controller().editTargetProperty().set(false), plain(KeyCode.P)));
        var radius = canvas.brushRadiusProperty();
        out.add(Action.key("Smaller brush", "", () -> radius.set(Math.max(1, radius.get() / 1.25)), plain(KeyCode.OPEN_BRACKET)));
        out.add(Action.key("Larger brush", "", () -> radius.set(Math.min(200, radius.get() * 1.25)), plain(KeyCode.CLOSE_BRACKET)));
        out.add(Action.key("Pan", "hold Space and drag (or drag with the middle button)", () -> canvas.setSpaceDown(true),
                plain(KeyCode.SPACE)).onRelease(() -> canvas.setSpaceDown(false)));
        return out;
    }

    /** Replaces the prediction by an operation's result as one undo step; a refused result changes nothing. */
    private void operation(String label, Supplier<double[]> result) {
        try {
            doc.setPrediction(label, result.get());
        } catch (EngineException e) {
            ws.error("Cannot " + label, e.getMessage());
        }
    }

    private void zoomBy(double f) {
        PaintCanvas c = ws.canvas();
        c.zoomAround(f, c.getWidth() / 2, c.getHeight() / 2);
    }

    /** Asks for a mode and a size and opens a blank canvas; false when the user cancels. */
    boolean newCanvas() {
        List<SceneInputs.CanvasKind> kinds = SceneInputs.canvasKinds();
        ChoiceDialog<SceneInputs.CanvasKind> mode = new ChoiceDialog<>(kinds.get(0), kinds);
        mode.setHeaderText("Mode of the new canvas");
        var kind = mode.showAndWait();
        if (kind.isEmpty()) {
            return false;
        }
        ChoiceDialog<Integer> size = new ChoiceDialog<>(256, 32, 64, 128, 256, 512, 1024);
        size.setHeaderText("Canvas size (pixels a side)");
        var n = size.showAndWait();
        n.ifPresent(side -> ws.newScene(SceneInputs.blank(kind.get(), side)));
        return n.isPresent();
    }

    private void importMask() {
        Dialogs.open(ws, "Import mask", "PNG masks", "*.png").ifPresent(file -> {
            try {
                doc.replace(SceneInputs.withMask(doc.data(), MaskImport.read(file)), doc.preset());
            } catch (EngineException e) {
                ws.error("Cannot import " + file.getFileName(), e.getMessage());
            }
        });
    }

    private void importNpy() {
        Dialogs.open(ws, "Import prediction", "NumPy arrays", "*.npy").ifPresent(file -> {
            try {
                var d = doc.data();
                importPrediction(NpyReader.read(file, new int[] {d.channels(), d.height(), d.width()}));
            } catch (EngineException e) {
                ws.error("Cannot import " + file.getFileName(), e.getMessage());
            }
        });
    }

    /** Puts an array as the prediction (logits, or probabilities turned into logits) as one undo step. */
    void importPrediction(NpyReader.Array array) {
        double[] logits = SceneInputs.predictionLogits(doc.data(), array);
        doc.setPrediction("import prediction", logits);
    }

    private void importBackground() {
        Dialogs.open(ws, "Background image", "Images", "*.png", "*.jpg", "*.jpeg").ifPresent(file -> {
            try {
                MaskImport.dimensions(file); // refuses a huge image before it is decoded
            } catch (EngineException e) {
                ws.error("Cannot read " + file.getFileName(), e.getMessage());
                return;
            }
            Image image = new Image(file.toUri().toString());
            if (image.isError()) {
                ws.error("Cannot read " + file.getFileName(), String.valueOf(image.getException()));
                return;
            }
            ws.canvas().setBackground(image);
            ws.messageProperty().set("Background " + file.getFileName() + " (lower the heatmap opacity to see it)");
        });
    }

    private void exportPng() {
        Dialogs.save(ws, "Export canvas", "PNG images", "*.png").ifPresent(file -> {
            try {
                Offscreen.writePng(SwingFXUtils.fromFXImage(ws.snapshot(null, null), null), file);
            } catch (IOException e) {
                ws.error("Cannot export", e.getMessage());
            }
        });
    }

    private void exportCsv() {
        Dialogs.save(ws, "Export table", "CSV", "*.csv").ifPresent(this::writeTable);
    }

    /** The table as CSV: name, kind, value, pinned value (empty where none). */
    void writeTable(Path file) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", "kind", "value", "pinned"));
        for (LossRow r : ws.rows()) {
            double pinned = r.pinnedProperty().get();
            rows.add(List.of(r.name(), r.metric() ? "metric" : "loss", Double.toString(r.valueProperty().get()),
                    Double.isNaN(pinned) ? "" : Double.toString(pinned)));
        }
        try {
            AtomicFiles.write(file, SceneInputs.csv(rows));
        } catch (IOException e) {
            ws.error("Cannot export", e.getMessage());
        }
    }

    private void confidence() {
        TextInputDialog d = new TextInputDialog("2");
        d.setHeaderText("Multiply every logit by (below 1 softens, above 1 sharpens):");
        d.showAndWait().ifPresent(text -> {
            try {
                double scale = Double.parseDouble(text.trim());
                if (!Double.isFinite(scale) || Math.abs(scale) > 1e3) {
                    throw new NumberFormatException();
                }
                operation(String.format(Locale.ROOT, "scale the logits by %s", text.trim()), () -> MapOperations.scale(doc.data(), scale));
            } catch (NumberFormatException e) {
                ws.error("Give a finite number between -1000 and 1000", text);
            }
        });
    }

    private void shift() {
        TextInputDialog d = new TextInputDialog("0 5");
        d.setHeaderText("Shift the prediction by dy dx pixels:");
        d.showAndWait().ifPresent(text -> {
            String[] parts = text.trim().split("[ ,]+");
            int dy;
            int dx;
            try {
                dy = Integer.parseInt(parts[0]);
                dx = Integer.parseInt(parts[1]);
            } catch (RuntimeException e) {
                ws.error("Give two whole numbers, dy and dx", text);
                return;
            }
            operation("shift", () -> MapOperations.shift(doc.data(), dy, dx));
        });
    }
}
