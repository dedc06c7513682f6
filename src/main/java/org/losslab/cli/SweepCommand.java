package org.losslab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.sweep.SweepResult;
import org.losslab.engine.sweep.SweepTerm;
import org.losslab.engine.sweep.Sweeps;
import org.losslab.scene.AtomicFiles;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneFiles;
import org.losslab.scene.Terms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep}: evaluates losses while one thing varies and writes CSV (first column the swept value). */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Evaluate losses while one quantity varies; write CSV (swept value, then one column per loss).",
                "Kinds: logit-scale, pixel, fraction, param:NAME, tversky-alpha, tversky-grid, box-shift, box-scale."})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "SCENE.json",
            description = "The scene (not needed for pixel and fraction, which can use toy problems).")
    Path sceneFile;

    @Option(names = "--over", required = true, description = "What varies (see above).")
    String over;

    @Option(names = "--loss", description = "A loss to evaluate, NAME[:key=value,...]; repeatable. Default: the scene's losses.")
    List<String> losses = new ArrayList<>();

    @Option(names = "--from", description = "First value (a default per kind).")
    Double from;

    @Option(names = "--to", description = "Last value.")
    Double to;

    @Option(names = "--steps", defaultValue = "41", description = "Number of values (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--pixel", defaultValue = "-1", description = "pixel: index y*W+x of the pixel (default: a one-pixel toy scene).")
    int pixel;

    @Option(names = "--channel", defaultValue = "0", description = "pixel: the channel (class) whose probability varies.")
    int channel;

    @Option(names = "--negative", description = "pixel, toy scene: the pixel is a negative (target 0).")
    boolean negative;

    @Option(names = "--fp-rate", defaultValue = "0.02", description = "fraction: share of background predicted foreground.")
    double fpRate;

    @Option(names = "--fn-rate", defaultValue = "0.1", description = "fraction: share of foreground missed.")
    double fnRate;

    @Option(names = "--confidence", defaultValue = "0.9", description = "fraction: the predictor's probability for its choice.")
    double confidence;

    @Option(names = "--out", description = "Write the CSV here instead of standard output.")
    Path out;

    /** What is wrong with the options, or null: a usage error (exit 2). */
    private String checkOptions() {
        if (steps < 2 || steps > 100_000) {
            return "--steps must be between 2 and 100000";
        }
        if (from != null && !Double.isFinite(from) || to != null && !Double.isFinite(to)) {
            return "--from and --to must be finite numbers";
        }
        if (!(fpRate >= 0 && fpRate <= 1) || !(fnRate >= 0 && fnRate <= 1)) {
            return "--fp-rate and --fn-rate are shares between 0 and 1";
        }
        if (!(confidence > 0 && confidence < 1)) {
            return "--confidence is a probability between 0 and 1 (exclusive)";
        }
        if (channel < 0) {
            return "--channel must be 0 or more";
        }
        if (out != null && Files.isDirectory(out)) {
            return "--out " + out + " is a folder; give a file name";
        }
        return null;
    }

    @Override
    public Integer call() throws IOException {
        String problem = checkOptions();
        if (problem != null) {
            System.err.println("sweep: " + problem);
            return 2;
        }
        try {
            SweepResult result = sweep();
            String csv = result.toCsv();
            if (out == null) {
                System.out.print(csv);
            } else {
                AtomicFiles.write(out, csv);
            }
            return 0;
        } catch (EngineException e) {
            System.err.println("sweep: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("sweep: cannot write " + out + " (" + SceneFiles.reason(e) + ")");
            return 1;
        }
    }

    private SweepResult sweep() {
        Scene scene = sceneFile == null ? null : SceneFiles.read(sceneFile);
        List<SweepTerm> terms = new ArrayList<>();
        for (String text : losses) {
            terms.add(Terms.parse(text));
        }
        if (terms.isEmpty()) {
            if (scene == null) {
                throw new EngineException("give --loss or a scene whose losses to sweep");
            }
            terms = Terms.of(scene);
        }
        if (over.equals("pixel")) {
            SegmentationData data = scene == null || pixel < 0 ? Sweeps.singlePixel(!negative) : segmentation(scene);
            if (pixel >= data.pixels()) {
                throw new EngineException("--pixel " + pixel + " is outside the scene's " + data.pixels() + " pixels");
            }
            if (channel >= data.channels()) {
                throw new EngineException("--channel " + channel + " is outside the scene's channels 0 to " + (data.channels() - 1));
            }
            return Sweeps.pixelProbability(data, Math.max(pixel, 0), channel, segTerms(terms),
                    grid(0.01, 0.99));
        }
        if (over.equals("fraction")) {
            return Sweeps.foregroundFraction(segTerms(terms), grid(0.001, 0.5), fpRate, fnRate, confidence);
        }
        if (scene == null) {
            throw new EngineException("--over " + over + " needs a scene file");
        }
        switch (over) {
            case "logit-scale":
                return Sweeps.logitScale(segmentation(scene), segTerms(terms), grid(0, 4));
            case "tversky-alpha":
                return Sweeps.tverskyLine(segmentation(scene), segTerms(terms), grid(0, 1));
            case "tversky-grid": {
                double[] axis = Sweeps.grid(from == null ? 0 : from, to == null ? 1 : to, steps);
                SweepTerm tversky = segTerms(terms).stream().filter(t -> t.has("alpha") && t.has("beta")).findFirst()
                        .orElseThrow(() -> new EngineException("tversky-grid needs a loss with alpha and beta"));
                return Sweeps.tverskyGrid(segmentation(scene), tversky, axis, axis);
            }
            case "box-shift":
                return Sweeps.boxShift(boxes(scene), boxTerms(terms), grid(-100, 100));
            case "box-scale":
                return Sweeps.boxScale(boxes(scene), boxTerms(terms), grid(0.25, 4));
            default:
                if (over.startsWith("param:")) {
                    String param = over.substring("param:".length());
                    if (scene.block(Domains.SEGMENTATION).isPresent()) {
                        return Sweeps.parameter(segmentation(scene), segTerms(terms), param, grid(0, 5));
                    }
                    return Sweeps.parameter(boxes(scene), boxTerms(terms), param, grid(0, 5));
                }
                throw new EngineException("--over: unknown kind '" + over + "'");
        }
    }

    private double[] grid(double defaultFrom, double defaultTo) {
        return Sweeps.grid(from == null ? defaultFrom : from, to == null ? defaultTo : to, steps);
    }

    private static SegmentationData segmentation(Scene scene) {
        return scene.block(Domains.SEGMENTATION).orElseThrow(() -> new EngineException("the scene has no segmentation block"));
    }

    private static BoxPairs boxes(Scene scene) {
        return scene.block(Domains.BOXES).orElseThrow(() -> new EngineException("the scene has no boxes block"));
    }

    private static List<SweepTerm> segTerms(List<SweepTerm> terms) {
        return only(terms, Domains.SEGMENTATION.block());
    }

    private static List<SweepTerm> boxTerms(List<SweepTerm> terms) {
        return only(terms, Domains.BOXES.block());
    }

    private static List<SweepTerm> only(List<SweepTerm> terms, String block) {
        List<SweepTerm> out = terms.stream().filter(t -> t.spec().domain().block().equals(block)).toList();
        if (out.isEmpty()) {
            throw new EngineException("no " + block + " loss to sweep");
        }
        return out;
    }
}
