package org.losslab.app.detect;

import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A dataset image borrowing the Boxes tab, as a lesson borrows the window: the first image opened keeps the
 * user's whole box document (boxes, undo history, pairs chosen, unsaved mark) aside; images opened after it
 * replace each other; "Back to the dataset" gives the user's document back whole. Meanwhile a save, the recovery
 * file and a lesson's snapshot all take the kept document, never the image's boxes.
 */
final class DatasetVisit {
    private final BoxDocument doc;
    private final BoxCanvas canvas;
    private final Runnable showDataset;
    private final HBox banner = new HBox(10);
    private final Label title = new Label();
    private final javafx.scene.control.ComboBox<String> landscape;
    /** The landscape the user had: a dataset image with its picture shows none, so the picture is seen. */
    private String keptLandscape;
    private BoxDocument.Snapshot kept;
    private DatasetImage shown;

    DatasetVisit(BoxDocument doc, BoxesTab boxes, Runnable showDataset) {
        this.doc = doc;
        this.canvas = boxes.canvas();
        this.landscape = boxes.landscapeChoice();
        this.showDataset = showDataset;
        Button back = new Button("Back to the dataset (your boxes come back)");
        back.setId("dataset-back");
        back.setOnAction(e -> back());
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        banner.getChildren().addAll(title, back);
        banner.setId("dataset-visit");
        banner.setPadding(new Insets(4, 8, 4, 8));
        banner.setStyle("-fx-background-color: #3a3f52; -fx-text-fill: white;");
        title.setStyle("-fx-text-fill: white;");
        banner.setVisible(false);
        banner.setManaged(false);
    }

    HBox banner() {
        return banner;
    }

    /** Shows the image's boxes in place of whatever the canvas shows, keeping the user's document first. */
    void show(DatasetImage image) {
        if (kept == null) {
            kept = doc.snapshot();
            keptLandscape = landscape.getValue();
            if (image.hasPicture()) {
                landscape.setValue("none");
            }
        }
        shown = image;
        doc.restore(new BoxDocument.Snapshot(image.truths(), image.predictions(), List.of(), List.of(), Map.of(),
                BoxDocument.Source.NEW, kept.dirty()));
        canvas.setOverlay(image);
        title.setText("Dataset " + image.title() + ": edit freely, these boxes are not saved");
        banner.setVisible(true);
        banner.setManaged(true);
    }

    /** Gives the user's document back and shows the dataset. */
    void back() {
        if (kept != null) {
            BoxDocument.Snapshot user = kept;
            String userLandscape = keptLandscape;
            forget();
            doc.restore(user);
            landscape.setValue(userLandscape);
        }
        showDataset.run();
    }

    /** Stops borrowing without giving anything back (the document is being replaced as a whole). */
    void forget() {
        kept = null;
        shown = null;
        canvas.setOverlay(CanvasOverlay.NONE);
        banner.setVisible(false);
        banner.setManaged(false);
    }

    /** The user's document: the kept one while an image is shown. */
    BoxDocument.Snapshot userSnapshot(BoxDocument current) {
        return kept != null ? kept : current.snapshot();
    }

    /** The user's document to save: {@code current} itself, or a copy of the kept one while an image is shown. */
    BoxDocument userDocument(BoxDocument current) {
        if (kept == null) {
            return current;
        }
        BoxDocument copy = new BoxDocument();
        copy.restore(kept);
        return copy;
    }

    /** The shown image's title, or null when the canvas shows the user's boxes. */
    String title() {
        return shown == null ? null : shown.title();
    }
}
