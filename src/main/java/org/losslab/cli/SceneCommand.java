package org.losslab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Json;
import org.losslab.scene.LossEntry;
import org.losslab.scene.MaskImport;
import org.losslab.scene.NpyReader;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneFiles;
import org.losslab.scene.SceneInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scene}: a scene file from a model's output, with the app's own loaders (the same checks and
 * errors): a NumPy prediction (logits, or probabilities turned into logits), an optional PNG mask as
 * the target, and the losses to evaluate.
 */
@Command(name = "scene", mixinStandardHelpOptions = true,
        description = "Make a scene from a prediction (.npy) and a target mask (.png).")
public final class SceneCommand implements Callable<Integer> {
    @Option(names = "--prediction", required = true, description = "C x H x W (or H x W) float32/float64 .npy: logits or probabilities.")
    Path prediction;

    @Option(names = "--target", description = "PNG mask, one label per pixel (0 background, 255 ignored); default: empty.")
    Path target;

    @Option(names = "--mode", description = "binary, multiclass or multilabel (default: binary for one channel, else multiclass).")
    String mode;

    @Option(names = "--losses", split = ",", description = "Losses to list in the scene (default: every segmentation entry defined on it).")
    List<String> losses = new ArrayList<>();

    @Option(names = "--reading", defaultValue = "auto", description = "How the prediction is read: auto (probabilities when "
            + "every value is in [0, 1], else logits), logits or probabilities.")
    String reading;

    @Option(names = "--out", required = true, description = "The scene file to write.")
    Path out;

    @Override
    public Integer call() {
        SegMode segMode = null;
        if (mode != null) {
            try {
                segMode = SegMode.valueOf(mode.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                System.err.println("scene: --mode must be binary, multiclass or multilabel, not '" + Json.quote(mode) + "'");
                return 2;
            }
        }
        if (Files.isDirectory(out)) {
            System.err.println("scene: --out " + out + " is a folder; give a file name");
            return 2;
        }
        for (Path input : new Path[] {prediction, target}) {
            if (input != null && sameFile(input, out)) {
                System.err.println("scene: --out " + out + " is one of the inputs; give another file name (the input would be lost)");
                return 2;
            }
        }
        SceneInputs.Reading asked;
        try {
            asked = SceneInputs.Reading.valueOf(reading.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("scene: --reading must be auto, logits or probabilities, not '" + Json.quote(reading) + "'");
            return 2;
        }
        try {
            NpyReader.Array array = NpyReader.read(prediction);
            int[] shape = array.shape();
            SegMode m = segMode != null ? segMode : shape[0] == 1 ? SegMode.BINARY : SegMode.MULTICLASS;
            if (m == SegMode.BINARY && shape[0] != 1 || m != SegMode.BINARY && shape[0] < 2) {
                throw new EngineException(prediction.getFileName() + ": " + m.name().toLowerCase(Locale.ROOT) + " needs "
                        + (m == SegMode.BINARY ? "one channel" : "two channels or more") + ", the array has " + shape[0]);
            }
            SegmentationData sized = new SegmentationData(m, shape[0], shape[1], shape[2], new double[array.values().length],
                    new int[(m == SegMode.MULTILABEL ? shape[0] : 1) * shape[1] * shape[2]]);
            SegmentationData data = sized.withPrediction(SceneInputs.predictionLogits(sized, array, asked));
            SceneInputs.Reading chosen = asked.of(array.values());
            if (target != null) {
                data = SceneInputs.withMask(data, MaskImport.read(target));
            }
            List<LossEntry> entries = new ArrayList<>();
            for (String name : losses.isEmpty() ? defaultLosses(data) : losses) {
                LossSpec<?> spec = LossRegistry.get(name.trim());
                if (spec.domain() != Domains.SEGMENTATION) {
                    throw new EngineException("--losses: " + spec.name() + " is not a segmentation loss");
                }
                @SuppressWarnings("unchecked")
                LossSpec<SegmentationData> seg = (LossSpec<SegmentationData>) spec;
                Map<String, Object> raw = params(seg, data);
                if (!losses.isEmpty()) {
                    // refused now, with the reason eval would give, rather than written and failing there
                    if (!seg.appliesTo(data)) {
                        throw new EngineException("--losses: " + seg.name() + " " + seg.requirement());
                    }
                    seg.evaluate(data, seg.bind(raw), false);
                }
                entries.add(new LossEntry(spec.name(), raw, Json.MAPPER.valueToTree(raw)));
            }
            SceneFiles.write(new Scene(Map.of(Domains.SEGMENTATION, data), entries, Map.of()), out);
            System.out.printf(Locale.ROOT, "wrote %s: %s, %d x %d x %d, %d losses%n", out, m.name().toLowerCase(Locale.ROOT),
                    shape[0], shape[1], shape[2], entries.size());
            // which reading was taken: all-zero logits look like probabilities
            System.out.println(asked == SceneInputs.Reading.AUTO && chosen == SceneInputs.Reading.PROBABILITIES
                    ? "read the prediction as probabilities (every value is in [0, 1]); --reading logits takes them as logits"
                    : "read the prediction as " + chosen.name().toLowerCase(Locale.ROOT));
            return 0;
        } catch (EngineException e) {
            System.err.println("scene: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("scene: cannot write " + out + " (" + SceneFiles.reason(e) + ")");
            return 1;
        }
    }

    /**
     * Every segmentation entry that applies to the scene's mode and is defined on it (a distance needs a
     * boundary on both sides, a skeleton a non-empty mask), so that {@code eval} of the new scene succeeds.
     */
    private static List<String> defaultLosses(SegmentationData data) {
        return LossRegistry.of(Domains.SEGMENTATION).stream().filter(s -> s.appliesTo(data) && definedOn(s, data))
                .map(LossSpec::name).toList();
    }

    /** The parameters written for an entry: ignore_index 255 where the mask has ignored pixels and the entry takes it. */
    private static Map<String, Object> params(LossSpec<SegmentationData> spec, SegmentationData data) {
        boolean ignores = spec.params().stream().anyMatch(p -> p.name().equals("ignore_index"));
        if (ignores) {
            for (int label : data.target()) {
                if (label == IGNORED) {
                    return Map.of("ignore_index", IGNORED);
                }
            }
        }
        return Map.of();
    }

    /** The label the mask import reserves for ignored pixels. */
    private static final int IGNORED = 255;

    private static boolean definedOn(LossSpec<SegmentationData> spec, SegmentationData data) {
        try {
            spec.evaluate(data, spec.bind(params(spec, data)), false);
            return true;
        } catch (EngineException e) {
            return false;
        }
    }

    /** Whether two paths name one file (the same path, or links to one file). */
    private static boolean sameFile(Path a, Path b) {
        try {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())
                    || Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
