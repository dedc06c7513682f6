package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.core.Dialogs;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An error dialog belongs to the window it is about, so that it comes in front of it, never behind. */
@ExtendWith(ApplicationExtension.class)
class DialogsUiTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("window"), 400, 300));
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void closeDialogs() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide))
                .get(10, TimeUnit.SECONDS);
    }

    private Window dialogOf(Runnable show) throws Exception {
        WaitForAsyncUtils.asyncFx(show).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing())
                .findFirst().orElseThrow()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void anErrorFromAWorkerComesInFrontOfTheWindow() throws Exception {
        Window dialog = dialogOf(() -> Dialogs.unexpected(new OutOfMemoryError("Java heap space")));
        assertEquals(stage, ((Stage) dialog).getOwner(), "the dialog is owned by the window");
    }

    @Test
    void anErrorDialogIsOwnedByTheWindow() throws Exception {
        Window dialog = dialogOf(() -> Dialogs.error("Cannot open", "why"));
        assertEquals(stage, ((Stage) dialog).getOwner());
        closeDialogs();
        Window information = dialogOf(() -> Dialogs.information("Done", "what"));
        assertEquals(stage, ((Stage) information).getOwner());
    }
}
