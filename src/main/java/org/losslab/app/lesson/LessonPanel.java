package org.losslab.app.lesson;

import java.util.HashSet;
import java.util.Set;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.losslab.scene.Lesson;

/**
 * A lesson docked at the window's side, never over what a step asks the student to look at: the question, the
 * step's text (wrapped, never cut), what to look at, the task and whether it is seen done (checked twice a second
 * on the live state), and Back, Next and Close. The answer shows on the last step; a teacher can hide it until
 * the student has done every task the window can check.
 */
public final class LessonPanel extends ScrollPane {
    /** Wide enough for a caption of three sentences in a few lines, narrow enough to leave the canvas its room. */
    public static final double WIDTH = 310;
    private final LessonRunner runner;
    private final Label counter = new Label();
    private final Label text = wrapped("lesson-text");
    private final Label look = wrapped("lesson-look");
    private final Label task = wrapped("lesson-task");
    private final Label answer = wrapped("lesson-answer");
    /** Says that the captions' numbers are being computed (empty once they are shown). */
    private final Label values = wrapped("lesson-values");
    private boolean valuesShown = true;
    private final CheckBox hideAnswer = new CheckBox("Hide the answer until the tasks are done");
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button close = new Button("Close");
    private final Timeline checker = new Timeline(new KeyFrame(Duration.millis(500), e -> refreshTask()));
    /** The steps whose task the student has been seen to do. */
    private final Set<Integer> done = new HashSet<>();

    /** @param onClose ends the lesson (the host gives the user's own state back) */
    public LessonPanel(LessonRunner runner, Runnable onClose) {
        this.runner = runner;
        setId("lesson-panel");
        Label title = wrapped("lesson-title");
        title.setStyle("-fx-font-size: 1.25em; -fx-font-weight: bold;");
        title.setText(runner.lesson().title());
        Label question = wrapped("lesson-question");
        question.setText(runner.lesson().question());
        question.setStyle("-fx-font-style: italic;");
        counter.setId("lesson-counter");
        look.setStyle("-fx-text-fill: #0b4f8a;");
        task.setStyle("-fx-font-weight: bold;");
        answer.setStyle("-fx-font-weight: bold; -fx-text-fill: #1d6b1d;");
        hideAnswer.setId("lesson-hide-answer");
        hideAnswer.setWrapText(true);
        hideAnswer.setTooltip(new Tooltip("For students: the answer appears once every task the window can check is done"));
        hideAnswer.selectedProperty().addListener((o, a, b) -> showAnswer());
        back.setId("lesson-back");
        next.setId("lesson-next");
        close.setId("lesson-close");
        back.setOnAction(e -> show(runner.step() - 1));
        next.setOnAction(e -> show(runner.step() + 1));
        close.setOnAction(e -> onClose.run());
        back.setTooltip(new Tooltip("The previous step, exactly as it was set up"));
        close.setTooltip(new Tooltip("End the lesson: your own scene and view come back as they were"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        for (Button b : new Button[] {back, next, close}) {
            b.setMinWidth(Region.USE_PREF_SIZE); // never "B..." at a projector's font size
        }
        // the buttons above the text: in view however long the step's text is
        HBox buttons = new HBox(6, back, next, gap, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        values.setStyle("-fx-text-fill: #6b6b6b; -fx-font-style: italic;");
        VBox box = new VBox(8, title, question, buttons, new Separator(), counter, values, text, look, task, answer,
                hideAnswer);
        box.setPadding(new Insets(10));
        box.setFillWidth(true);
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        checker.setCycleCount(Timeline.INDEFINITE);
        checker.play();
    }

    private static Label wrapped(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE); // grows with its text instead of cutting it with "..."
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /** Goes to step k (0-based): the window is set up exactly as the step says. */
    public void show(int k) {
        runner.go(k);
        Lesson.Step s = runner.current();
        int n = runner.lesson().steps().size();
        counter.setText("Step " + (runner.step() + 1) + " of " + n);
        showCaptions(s);
        back.setDisable(runner.step() == 0);
        next.setDisable(runner.step() == n - 1);
        refreshTask();
        showAnswer();
        setVvalue(0);
    }

    private void showCaptions(Lesson.Step s) {
        text.setText(valuesShown ? s.text() : pending(s.text()));
        look.setText(s.look() == null ? "" : "Look at: " + (valuesShown ? s.look() : pending(s.look())));
    }

    /** A caption whose {value:...} numbers are still being computed: each shows as an ellipsis meanwhile. */
    private static String pending(String caption) {
        return caption.replaceAll("\\{value:[^}]*}", "…");
    }

    /** The captions' numbers are being computed (in the background): the panel says so. */
    public void computingValues() {
        valuesShown = false;
        values.setText("computing the numbers of the captions…");
    }

    /** The lesson with its captions' numbers written out: the current step's captions show them. */
    public void valuesComputed(Lesson withValues) {
        runner.captionsComputed(withValues);
        valuesShown = true;
        values.setText("");
        if (runner.step() >= 0) {
            showCaptions(runner.current());
            showAnswer();
        }
    }

    /** The numbers could not be computed: the panel says why, and keeps the captions without them. */
    public void valuesFailed(String why) {
        valuesShown = true;
        values.setText("The captions' numbers could not be computed: " + why);
    }

    /** Whether the captions show their numbers (or why there are none). */
    public boolean valuesShown() {
        return valuesShown;
    }

    private void refreshTask() {
        Lesson.Step s = runner.current();
        if (s.task() == null) {
            task.setText("");
            return;
        }
        if (runner.taskDone()) {
            done.add(runner.step());
            showAnswer();
        }
        task.setText((done.contains(runner.step()) ? "Done: " : "Try it: ") + s.task());
    }

    /** The tasks the window can check that the student has not been seen to do. */
    private int tasksLeft() {
        int left = 0;
        for (int k = 0; k < runner.lesson().steps().size(); k++) {
            Lesson.Step s = runner.lesson().steps().get(k);
            if (s.task() != null && s.until() != null && !done.contains(k)) {
                left++;
            }
        }
        return left;
    }

    private void showAnswer() {
        boolean last = runner.step() == runner.lesson().steps().size() - 1;
        int left = tasksLeft();
        if (!last) {
            answer.setText("");
        } else if (hideAnswer.isSelected() && left > 0) {
            answer.setText("The answer appears when you have done the " + (left == 1 ? "task" : left + " tasks") + " of this lesson.");
        } else {
            answer.setText("Answer: " + runner.lesson().answer());
        }
    }

    /** Stops checking the task (the lesson is over). */
    public void stop() {
        checker.stop();
    }

    public LessonRunner runner() {
        return runner;
    }

    public String taskText() {
        return task.getText();
    }

    public String answerText() {
        return answer.getText();
    }

    public CheckBox hideAnswerToggle() {
        return hideAnswer;
    }
}
