package org.losslab.app.lesson;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.losslab.scene.Lesson;

/**
 * A lesson's window beside the main one: the question, the step's text, what to look at, the task and
 * whether it is done (checked twice a second on the live state), Back and Next, and the answer on the
 * last step. Closing it gives the user's scene back.
 */
public final class LessonPanel extends VBox {
    private final LessonRunner runner;
    private final Label title = new Label();
    private final Label counter = new Label();
    private final Label text = new Label();
    private final Label look = new Label();
    private final Label task = new Label();
    private final Label answer = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Timeline checker = new Timeline(new KeyFrame(Duration.millis(500), e -> refreshTask()));

    public LessonPanel(LessonRunner runner) {
        super(8);
        this.runner = runner;
        setId("lesson-panel");
        setPadding(new Insets(12));
        setPrefWidth(420);
        title.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        title.setWrapText(true);
        for (Label l : new Label[] {text, look, task, answer}) {
            l.setWrapText(true);
        }
        look.setStyle("-fx-font-style: italic;");
        answer.setStyle("-fx-font-weight: bold;");
        text.setId("lesson-text");
        task.setId("lesson-task");
        answer.setId("lesson-answer");
        back.setId("lesson-back");
        next.setId("lesson-next");
        back.setOnAction(e -> show(runner.step() - 1));
        next.setOnAction(e -> show(runner.step() + 1));
        Label question = new Label(runner.lesson().question());
        question.setWrapText(true);
        getChildren().addAll(title, question, counter, text, look, task, answer, new HBox(8, back, next));
        title.setText(runner.lesson().title());
        checker.setCycleCount(Timeline.INDEFINITE);
        checker.play();
        show(0);
    }

    /** Opens a lesson in its own window; closing it ends the lesson. */
    public static Stage open(Window owner, LessonRunner runner) {
        LessonPanel panel = new LessonPanel(runner);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Lesson: " + runner.lesson().title());
        stage.setScene(new Scene(panel, 440, 380));
        stage.setOnHidden(e -> panel.end());
        if (owner != null) {
            // over the painting tools at the top left, which lessons do not use: the confidence slider and the presets
            // below them, the maps, the table and the plots stay in view
            stage.setX(owner.getX() + 8);
            stage.setY(owner.getY() + 90);
        }
        stage.show();
        return stage;
    }

    public void show(int k) {
        runner.go(k);
        Lesson.Step s = runner.current();
        int n = runner.lesson().steps().size();
        counter.setText("Step " + (runner.step() + 1) + " of " + n);
        text.setText(s.text());
        look.setText(s.look() == null ? "" : "Look at: " + s.look());
        answer.setText(runner.step() == n - 1 ? "Answer: " + runner.lesson().answer() : "");
        back.setDisable(runner.step() == 0);
        next.setDisable(runner.step() == n - 1);
        refreshTask();
    }

    private void refreshTask() {
        Lesson.Step s = runner.current();
        if (s.task() == null) {
            task.setText("");
            return;
        }
        task.setText((runner.taskDone() ? "Done: " : "Try it: ") + s.task());
    }

    /** Stops checking and gives the user's scene back. */
    public void end() {
        checker.stop();
        runner.close();
    }

    public LessonRunner runner() {
        return runner;
    }

    public String taskText() {
        return task.getText();
    }
}
