package org.losslab.engine.seg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * A weighted sum of segmentation losses that share some parameters: value and gradient are the sums
 * of the parts'. Each part names the parameters it takes from the composite and fixes others.
 */
public final class CompositeLoss implements Evaluator<SegmentationData> {

    /**
     * One term: {@code weightParam} x the part's loss.
     *
     * @param weightParam the composite parameter holding this term's weight
     * @param evaluator   the part's computation
     * @param specs       the part's parameter specs
     * @param shared      composite parameters passed to the part under the same name
     * @param fixed       values the part always gets
     */
    public record Part(String weightParam, Evaluator<SegmentationData> evaluator, List<ParamSpec> specs,
                       List<String> shared, Map<String, Object> fixed) {
    }

    private final String name;
    private final List<Part> parts;

    public CompositeLoss(String name, List<Part> parts) {
        this.name = name;
        this.parts = List.copyOf(parts);
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        double value = 0;
        double[] gradient = withGradient ? new double[data.prediction().length] : null;
        for (Part part : parts) {
            double weight = params.number(part.weightParam());
            if (weight == 0) {
                continue;
            }
            Map<String, Object> raw = new LinkedHashMap<>(part.fixed());
            for (String shared : part.shared()) {
                raw.put(shared, params.raw(shared));
            }
            Evaluation e = part.evaluator().evaluate(data, Params.bind(name, part.specs(), raw), withGradient);
            value += weight * e.value();
            if (gradient != null) {
                double[] g = e.gradient().get("prediction");
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] += weight * g[i];
                }
            }
        }
        return Evaluation.scalar(value, "prediction", gradient);
    }

    /** Concatenates spec lists, keeping the first spec of each name. */
    public static List<ParamSpec> union(List<ParamSpec> first, List<ParamSpec> second) {
        List<ParamSpec> out = new ArrayList<>(first);
        for (ParamSpec p : second) {
            if (out.stream().noneMatch(q -> q.name().equals(p.name()))) {
                out.add(p);
            }
        }
        return out;
    }
}
