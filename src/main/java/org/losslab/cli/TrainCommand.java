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
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.sweep.SweepTerm;
import org.losslab.engine.train.ImageData;
import org.losslab.engine.train.LogitsModel;
import org.losslab.engine.train.Model;
import org.losslab.engine.train.Optimizer;
import org.losslab.engine.train.StepMetrics;
import org.losslab.engine.train.Trainer;
import org.losslab.engine.train.TrainingCurves;
import org.losslab.scene.AtomicFiles;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneFiles;
import org.losslab.scene.Terms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code train}: gradient descent on a scene under one or more losses, each from the same start, printing
 * the loss every K steps and after the last update (float64, as PyTorch's float64 run of the same settings).
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a model on a scene under each loss and print the loss.")
public final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENE.json")
    Path sceneFile;

    @Option(names = "--loss", required = true, description = "NAME[:k=v,...], repeatable: each trains its own copy.")
    List<String> losses;

    @Option(names = "--model", defaultValue = "logits", description = "logits (the logits are the parameters) or pixel "
            + "(a linear classifier of the scene's image block).")
    String model;

    @Option(names = "--optimizer", defaultValue = "adam", description = "sgd or adam (PyTorch's defaults).")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.1", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--steps", defaultValue = "100", description = "Updates (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--every", defaultValue = "10", description = "Print the loss every K steps (default ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--out", description = "CSV of every step: the loss and metrics of each run.")
    Path out;

    @Override
    public Integer call() {
        if (steps < 0 || steps > 1_000_000) {
            System.err.println("train: --steps must be between 0 and 1000000");
            return 2;
        }
        if (every < 1) {
            System.err.println("train: --every must be at least 1");
            return 2;
        }
        if (out != null && Files.isDirectory(out)) {
            System.err.println("train: --out " + out + " is a folder; give a file name");
            return 2;
        }
        if (!model.equals("logits") && !model.equals("pixel")) {
            System.err.println("train: unknown --model '" + model + "' (known: logits, pixel)");
            return 2;
        }
        Optimizer opt;
        List<SweepTerm> terms = new ArrayList<>();
        try {
            // every option is checked before the scene is read: a mistake in them is a usage error
            opt = Optimizer.of(optimizer, rate);
            for (String text : losses) {
                terms.add(Terms.parse(text));
            }
        } catch (EngineException e) {
            System.err.println("train: " + e.getMessage());
            return 2;
        }
        try {
            Scene scene = SceneFiles.read(sceneFile);
            SegmentationData data = scene.block(Domains.SEGMENTATION).orElseThrow(() ->
                    new EngineException("the scene has no segmentation block to train on"));
            Model m = model(scene, data);
            List<TrainingCurves> runs = new ArrayList<>();
            for (int k = 0; k < terms.size(); k++) {
                runs.add(train(losses.get(k), terms.get(k), data, m, opt));
            }
            if (out != null) {
                writeCsv(runs);
            }
            return 0;
        } catch (EngineException e) {
            System.err.println("train: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("train: " + SceneFiles.reason(e));
            return 1;
        }
    }

    private Model model(Scene scene, SegmentationData data) {
        switch (model) {
            case "logits":
                return new LogitsModel(data.prediction());
            case "pixel": {
                if (data.channels() != 1) {
                    throw new EngineException("the pixel model is a single-channel classifier: the scene has "
                            + data.channels() + " channels");
                }
                ImageData image = scene.block(Domains.IMAGE).orElseThrow(() ->
                        new EngineException("the pixel model needs the scene's image block (its features)"));
                return image.model(data.height(), data.width());
            }
            default:
                throw new EngineException("unknown model '" + model + "' (known: logits, pixel)");
        }
    }

    @SuppressWarnings("unchecked")
    private TrainingCurves train(String text, SweepTerm term, SegmentationData data, Model m, Optimizer opt) {
        if (term.spec().domain() != Domains.SEGMENTATION) {
            throw new EngineException(term.spec().name() + " is not a segmentation loss");
        }
        Trainer trainer = new Trainer(data, m, opt, (LossSpec<SegmentationData>) term.spec(), term.params());
        TrainingCurves curves = TrainingCurves.record(trainer, steps);
        for (int s = 0; s < steps; s += every) {
            System.out.println(text + " step " + s + " loss " + curves.loss(s));
        }
        System.out.println(text + " final loss " + curves.loss(steps));
        return curves;
    }

    private void writeCsv(List<TrainingCurves> runs) throws IOException {
        StringBuilder csv = new StringBuilder("step");
        for (String text : losses) {
            csv.append(',').append(quote(text + ":loss"));
            for (String metric : StepMetrics.NAMES) {
                csv.append(',').append(quote(text + ":" + metric));
            }
        }
        csv.append('\n');
        for (int s = 0; s <= steps; s++) {
            csv.append(s);
            for (TrainingCurves run : runs) {
                csv.append(',').append(run.loss(s));
                for (String metric : StepMetrics.NAMES) {
                    csv.append(',').append(run.metric(metric, s));
                }
            }
            csv.append('\n');
        }
        AtomicFiles.write(out, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String cell) {
        return cell.contains(",") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
