package org.losslab.app.core;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

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
        showInFront(a);
    }

    public static void information(String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setHeaderText(header);
        a.setContentText(text);
        showInFront(a);
    }

    /**
     * Shows a dialog owned by the window in use (the focused one, else the first shown), so that it comes
     * in front of that window and stays there, never behind it, however it was raised (a worker's error too).
     */
    private static void showInFront(Alert a) {
        Window owner = Window.getWindows().stream().filter(w -> w.isShowing() && w.isFocused()).findFirst()
                .or(() -> Window.getWindows().stream().filter(Window::isShowing).findFirst()).orElse(null);
        if (owner != null && a.getOwner() == null) {
            a.initOwner(owner);
        }
        a.show();
        ((Stage) a.getDialogPane().getScene().getWindow()).toFront();
    }

    private static boolean unexpectedShown;

    /**
     * An error nobody expected (already in the log file): one dialog at a time, saying what happened
     * and where the details are; the window stays usable.
     */
    public static void unexpected(Throwable error) {
        if (unexpectedShown) {
            return;
        }
        unexpectedShown = true;
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.setHeaderText("Something went wrong inside LossLab");
        a.setContentText(error + "\n\nYour scene is as it was. The details are in " + ErrorLog.file()
                + " (Help > Show log).");
        a.setOnHidden(e -> unexpectedShown = false);
        showInFront(a);
    }

    /** The log file's last lines, with its path. */
    public static void showLog() {
        String text;
        try {
            List<String> lines = Files.exists(ErrorLog.file())
                    ? Files.readAllLines(ErrorLog.file(), StandardCharsets.UTF_8)
                    : List.of("(no errors so far)");
            text = String.join("\n", lines.subList(Math.max(0, lines.size() - 400), lines.size()));
        } catch (IOException e) {
            text = "cannot read the log: " + e.getMessage();
        }
        textWindow("Log: " + ErrorLog.file(), text, 760);
    }

    /** A long text to read and copy (shortcuts), in a fixed-width font. */
    public static void text(String header, String text) {
        textWindow(header, text, 640);
    }

    private static void textWindow(String header, String text, double width) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setHeaderText(header);
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setPrefSize(width, 420);
        area.setStyle("-fx-font-family: monospace;");
        a.getDialogPane().setContent(area);
        a.show();
    }

    /** Asks a yes/cancel question; true for yes. */
    public static boolean confirm(String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.YES, ButtonType.CANCEL);
        a.setHeaderText(header);
        return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    /**
     * Asks a question with named answers (the first is the default); the index of the answer, or -1 when the
     * dialog was closed without one.
     */
    public static int choose(String header, String text, String... answers) {
        ButtonType[] buttons = new ButtonType[answers.length];
        for (int i = 0; i < answers.length; i++) {
            buttons[i] = new ButtonType(answers[i], i == answers.length - 1
                    ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER);
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, buttons);
        a.setHeaderText(header);
        return a.showAndWait().map(b -> Arrays.asList(buttons).indexOf(b)).orElse(-1);
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
