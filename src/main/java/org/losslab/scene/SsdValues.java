package org.losslab.scene;

import java.util.List;
import java.util.Set;
import org.losslab.engine.EngineException;
import org.losslab.engine.ssd.NegativeLossShares;
import org.losslab.engine.ssd.SsdToy;

/**
 * "ssd:NAME": the SSD view's numbers at its opening settings on the detection workspace's opening objects
 * ({@link SsdToy#defaults()}, {@link SsdToy#OPENING_TRUTHS}). Names: priors, positives, negatives, mined (the
 * negatives hard negative mining keeps), dropped (the others), easy_threshold (the least p(background) of a
 * negative mining drops), hardest_count (how many the hardest {@code fraction} of the negatives are, 0.01 unless
 * given), hardest_pct (the percentage of the negatives' focal loss they carry), kept_pct (the percentage the
 * negatives mining keeps carry: the curve at mining's cut) and easy_pct (the percentage the others carry). Options: {@code @gamma=G} (2 unless
 * given; 0 is cross-entropy), {@code background=B} (the model's background logit, the view's slider).
 */
final class SsdValues implements ClaimValues {
    private static final List<String> NAMES = List.of("priors", "positives", "negatives", "mined", "dropped",
            "easy_threshold", "hardest_count", "hardest_pct", "kept_pct", "easy_pct");
    private static final Set<String> OPTIONS = Set.of("gamma", "fraction", "background");

    @Override
    public String prefix() {
        return "ssd";
    }

    @Override
    public void check(String name, boolean forTask) {
        NameOptions n = NameOptions.parse(name, OPTIONS, "ssd", NAMES);
        if (n.get("gamma", 2) < 0 || n.get("fraction", 0.01) <= 0 || n.get("fraction", 0.01) > 1) {
            throw new EngineException("'" + name + "': gamma must be >= 0 and fraction in (0, 1]");
        }
    }

    @Override
    public double value(StepScene scene, String name) {
        NameOptions n = NameOptions.parse(name, OPTIONS);
        SsdToy toy = SsdToy.defaults();
        if (n.options().containsKey("background")) {
            toy = toy.withBackground(n.get("background", toy.background()));
        }
        var analysis = toy.openingAnalysis();
        NegativeLossShares shares = NegativeLossShares.of(analysis);
        double gamma = n.get("gamma", 2);
        return switch (n.base()) {
            case "priors" -> analysis.matching().label.length;
            case "positives" -> analysis.positives();
            case "negatives" -> shares.negatives();
            case "mined" -> shares.mined();
            case "dropped" -> shares.dropped();
            case "hardest_count" -> shares.countOf(n.get("fraction", 0.01));
            case "easy_threshold" -> shares.easyThreshold();
            case "hardest_pct" -> 100 * shares.shareOfHardestFraction(n.get("fraction", 0.01), gamma);
            case "kept_pct" -> 100 * shares.shareOfHardest(shares.mined(), gamma);
            default -> 100 * shares.easyShare(gamma);
        };
    }
}
