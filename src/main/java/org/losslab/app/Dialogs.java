package org.losslab.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;

/** The window's dialogs: errors, confirmations and file choosers, in one style. */
public final class Dialogs {
    /** The folder the last file was chosen in, where the next chooser opens. */
    private static File lastFolder;

    private Dialogs() {
    }

    /** Shows an error without blocking (the caller has already left everything as it was). */
    public static void error(String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.setHeaderText(header);
        a.setContentText(text);
        a.show();
    }

    public static void information(String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setHeaderText(header);
        a.setContentText(text);
        a.show();
    }

    /** Asks a yes/cancel question; true for yes. */
    public static boolean confirm(String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.YES, ButtonType.CANCEL);
        a.setHeaderText(header);
        return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    public static Optional<Path> open(Node owner, String title, String description, String... patterns) {
        return Optional.ofNullable(chooser(title, description, patterns).showOpenDialog(owner.getScene().getWindow()))
                .map(Dialogs::remember);
    }

    public static Optional<Path> save(Node owner, String title, String description, String... patterns) {
        return Optional.ofNullable(chooser(title, description, patterns).showSaveDialog(owner.getScene().getWindow()))
                .map(Dialogs::remember);
    }

    private static FileChooser chooser(String title, String description, String... patterns) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        if (lastFolder != null && lastFolder.isDirectory()) {
            c.setInitialDirectory(lastFolder);
        }
        return c;
    }

    private static Path remember(File chosen) {
        lastFolder = chosen.getParentFile();
        return chosen.toPath();
    }
}
