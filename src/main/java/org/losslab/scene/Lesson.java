package org.losslab.scene;

import java.util.List;
import java.util.Map;

/**
 * A lesson: a question of the course answered in the app, step by step. Read from a lesson file (see
 * {@link Lessons}); each step sets the app up, says what to look at and may ask the user to do something.
 *
 * @param key      the file's name without ".json"
 * @param title    a short title
 * @param question the question it answers
 * @param steps    the steps, in order
 * @param answer   the answer in one line
 */
public record Lesson(String key, String title, String question, List<Step> steps, String answer) {

    /**
     * One step. Every field but {@code text} may be null (nothing to change).
     *
     * @param text         what the step shows, in two or three sentences
     * @param workspace    the workspace to show: segmentation, plots, detection or training
     * @param preset       a segmentation preset key
     * @param map          the segmentation heatmap (a map key)
     * @param compare      the split view's second map, or "off"
     * @param params       loss parameters to set, by loss name
     * @param select       the loss to select in the table (its parameters appear as sliders)
     * @param plot         the plot to show in the plots workspace
     * @param detectionTab boxes, race, ssd or metrics
     * @param race         the race's anchors: one-anchor, one-point or ring
     * @param raceGradients the race's gradients: paper or exact
     * @param training     a training preset key
     * @param dataset      a bundled COCO detector's results to open in the detection workspace's Dataset tab
     * @param look         what to look at
     * @param task         something for the user to do
     * @param until        when the task is done: a condition on the live state
     * @param claims       conditions that hold on the state the step sets up (checked by {@code lessons --check},
     *                     see {@link LessonCheck}); empty when the step claims nothing
     * @param audit        the folders to audit in the Audit workspace, relative to the bundled assets
     * @param trained      train the training workspace's run to this step (an answer step then shows the run its
     *                     "press Play" asked for), or null
     * @param ssd          the SSD view's settings to set: gamma and background (its model's background logit), or empty
     * @param question     whether the step asks before it shows: the table hides the values of the rows it names (not
     *                     those its captions quote) until the student moves on; null: only the first step asks
     */
    public record Step(String text, String workspace, String preset, String map, String compare,
                       Map<String, Map<String, Object>> params, String select, String plot, String detectionTab, String race,
                       String raceGradients, String training, String dataset, String look, String task, Condition until,
                       List<Condition> claims, AuditFolders audit, Integer trained, Map<String, Double> ssd,
                       Boolean question) {
        public Step {
            claims = claims == null ? List.of() : List.copyOf(claims);
            ssd = ssd == null ? Map.of() : Map.copyOf(ssd);
        }

        /** The same step with other captions (its values filled in). */
        public Step withCaptions(String newText, String newLook) {
            return new Step(newText, workspace, preset, map, compare, params, select, plot, detectionTab, race, raceGradients,
                    training, dataset, newLook, task, until, claims, audit, trained, ssd, question);
        }
    }

    /** Whether step k (from 0) asks before it shows: as the step says, else only the first step does. */
    public boolean asks(int k) {
        Boolean question = steps.get(k).question();
        return question != null ? question : k == 0;
    }

    /** A labels folder and a predictions folder of the bundled assets ("audit/labels"), as a step opens them. */
    public record AuditFolders(String labels, String predictions) {
    }

    /**
     * "{@code what} is below (or above) {@code value}", for a task's {@code until} and a step's claims:
     * {@code what} names a value in a {@link ClaimValues} namespace, by default a registry entry's value on
     * the segmentation scene ("dice") or a parameter ("tversky.alpha"). A NaN never holds.
     */
    public record Condition(String what, String relation, double value) {
        public boolean holds(double actual) {
            return "below".equals(relation) ? actual < value : actual > value;
        }

        /** As written in a lesson, for messages: "cldice_score below 0.8". */
        @Override
        public String toString() {
            return what + " " + relation + " " + value;
        }

        /** "tversky.alpha" names a parameter, "dice" an entry's value. */
        public boolean isParameter() {
            return what.contains(".") && !what.contains(":");
        }
    }
}
