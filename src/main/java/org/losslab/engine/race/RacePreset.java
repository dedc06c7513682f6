package org.losslab.engine.race;

import java.util.ArrayList;
import java.util.List;

/**
 * The starting positions the window's race offers, all on the paper's target at (10, 10) and its update
 * rule: one anchor (a single regression to follow box by box), the paper's 343 anchors at one point, and
 * a ring of points around the target (the paper's experiment in small).
 */
public enum RacePreset {
    ONE_ANCHOR("One anchor beside the target",
            "one regression: an anchor of the target's area, 1:4 where the target is 4:1, just beside it: "
                    + "no overlap, so the IoU loss has no gradient and never moves"),
    ONE_POINT("The paper's 343 anchors at one point",
            "7 targets x 7 anchor scales x 7 aspect ratios, all centred at (11.5, 11): 343 regressions"),
    RING("A ring of 24 points", "the 343 anchors at each of 24 points 2.5 from the target's centre: 8,232 regressions");

    private final String title;
    private final String description;

    RacePreset(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return title;
    }

    /** The regressions of the preset, each {start, target} in (x, y, w, h). */
    public List<double[][]> regressions() {
        List<double[][]> cases = new ArrayList<>();
        switch (this) {
            case ONE_ANCHOR:
                // target 4:1 (aspect index 6), anchor of the same area (scale index 3), aspect 1:4 (index 0)
                cases.add(DiouSimulation.regressionCase(11.6, 10.0, (6 * 7 + 3) * 7));
                break;
            case ONE_POINT:
                addPoint(cases, 11.5, 11.0);
                break;
            default:
                for (int k = 0; k < 24; k++) {
                    double angle = 2 * Math.PI * k / 24;
                    addPoint(cases, 10 + 2.5 * Math.cos(angle), 10 + 2.5 * Math.sin(angle));
                }
        }
        return cases;
    }

    private static void addPoint(List<double[][]> cases, double x, double y) {
        for (int c = 0; c < DiouSimulation.CASES_PER_POINT; c++) {
            cases.add(DiouSimulation.regressionCase(x, y, c));
        }
    }
}
