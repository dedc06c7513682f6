package org.losslab.app;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.losslab.app.render.ColorBar;
import org.losslab.app.seg.LossRow;
import org.losslab.app.seg.SegmentationWorkspace;

/**
 * Presentation mode, for a projector (View, F5; Esc leaves): large high-contrast type, the painting tools
 * folded away unless the lesson step asks the audience to use them, and the selected number large at the top
 * with what the lesson step says to look at.
 */
final class Presentation {
    static final String STYLE = "-fx-font-size: 18px; -fx-base: #f4f4f4; -fx-text-base-color: black; "
            + "-fx-text-background-color: black;";
    private final MainWindow window;
    private final LessonMode lesson;
    private final Label number = new Label();
    private final Label look = new Label();
    private final VBox banner = new VBox(2, number, look);
    private boolean on;

    Presentation(MainWindow window, LessonMode lesson) {
        this.window = window;
        this.lesson = lesson;
        banner.setId("presentation-banner");
        number.setId("presentation-number");
        look.setId("presentation-look");
        number.setStyle("-fx-font-size: 36px; -fx-font-weight: bold; -fx-text-fill: black;");
        look.setStyle("-fx-font-size: 20px; -fx-text-fill: black;");
        look.setWrapText(true);
        banner.setStyle("-fx-background-color: #ffe66d; -fx-padding: 4 12 6 12;");
        banner.setVisible(false);
        banner.setManaged(false);
        SegmentationWorkspace seg = window.segmentation();
        seg.tableRevisionProperty().addListener(o -> update());
        seg.selectedLossProperty().addListener(o -> update());
        window.tabs().getSelectionModel().selectedIndexProperty().addListener(o -> update());
    }

    VBox banner() {
        return banner;
    }

    boolean on() {
        return on;
    }

    void set(boolean presenting) {
        on = presenting;
        window.setStyle(on ? STYLE : "");
        // drawn text does not follow CSS: the colour bars scale themselves
        for (Node bar : window.lookupAll("#color-bar")) {
            ((ColorBar) bar).setScale(on ? 1.4 : 1);
        }
        // the table's columns share its width, so that values are not cut ("0.750...") at the larger type
        for (Node table : window.lookupAll("#loss-table")) {
            var view = (TableView<?>) table;
            view.setColumnResizePolicy(on
                    ? TableView.CONSTRAINED_RESIZE_POLICY : TableView.UNCONSTRAINED_RESIZE_POLICY);
            // names and values, not the pinned column, get the room (the banner shows the selected number)
            view.getColumns().get(view.getColumns().size() - 1).setVisible(!on);
        }
        // menus are popup windows of their own: they take the style when they are shown again
        window.applyCss();
        update();
    }

    /** The banner and the folded tools follow the selection, the table and the lesson step. */
    void update() {
        var runner = window.lessonRunner();
        var step = runner == null ? null : runner.current();
        lesson.foldTools(on); // the lesson knows which of its steps need the tools
        SegmentationWorkspace seg = window.segmentation();
        String selected = seg.selectedLossProperty().get();
        LossRow row = selected == null ? null : seg.row(selected);
        boolean showNumber = on && window.shown() == seg && row != null;
        // a lesson asking about the number hides it here too, as the table does
        number.setText(showNumber ? selected + " = " + (row.hiddenProperty().get() ? "?" : ColorBar.format(row.valueProperty().get()))
                : "");
        number.setVisible(showNumber);
        number.setManaged(showNumber);
        boolean showLook = on && step != null && step.look() != null;
        look.setText(showLook ? "Look at: " + step.look() : "");
        look.setVisible(showLook);
        look.setManaged(showLook);
        boolean any = showNumber || showLook;
        banner.setVisible(any);
        banner.setManaged(any);
    }
}
