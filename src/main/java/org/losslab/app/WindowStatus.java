package org.losslab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;

/** The window's status bar: the shown workspace's status text, and the segmentation canvas's zoom and frame time. */
final class WindowStatus {
    private WindowStatus() {
    }

    static StatusBar build(MainWindow w, StatusBar status) {
        status.setId("status-bar");
        List<Observable> deps = new ArrayList<>();
        deps.add(w.tabs().getSelectionModel().selectedIndexProperty());
        w.workspaces().forEach(ws -> deps.add(ws.status()));
        status.textProperty().bind(Bindings.createStringBinding(() -> w.shown().status().get(), deps.toArray(Observable[]::new)));
        var seg = w.segmentation();
        Label zoom = new Label();
        zoom.textProperty().bind(Bindings.createStringBinding(() -> w.shown() == seg
                ? String.format(Locale.ROOT, "zoom %.0f%%", 100 * seg.canvas().zoomProperty().get()) : "",
                w.tabs().getSelectionModel().selectedIndexProperty(), seg.canvas().zoomProperty()));
        zoom.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                seg.canvas().fit();
            }
        });
        zoom.setId("zoom-label");
        Label frame = new Label();
        frame.textProperty().bind(Bindings.createStringBinding(() -> w.shown() == seg ? seg.frameTextProperty().get() : "",
                w.tabs().getSelectionModel().selectedIndexProperty(), seg.frameTextProperty()));
        frame.setId("frame-label");
        status.getRightItems().addAll(zoom, new Label("  "), frame);
        return status;
    }
}
