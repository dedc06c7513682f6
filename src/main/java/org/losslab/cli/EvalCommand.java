package org.losslab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.scene.Json;
import org.losslab.scene.LossEntry;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneEvaluator;
import org.losslab.scene.SceneFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eval [--grad] SCENE...}: scores scene files and prints one JSON document (CONTRACTS.md section 3). */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate the losses of scene files and print JSON to standard output.")
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--grad", description = "Also print each differentiable loss's gradient.")
    boolean withGradient;

    @Parameters(arity = "1..*", paramLabel = "SCENE.json", description = "Scene files (losslab-scene v1).")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode scenes = root.putArray("scenes");
        boolean failed = false;
        for (Path file : files) {
            failed |= evaluateFile(file, scenes.addObject());
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.println(Json.MAPPER.writeValueAsString(root));
        out.flush();
        return failed ? 1 : 0;
    }

    /** Fills {@code node} with the scene's results; returns whether anything failed. */
    private boolean evaluateFile(Path file, ObjectNode node) {
        node.put("file", file.toString());
        Scene scene;
        try {
            scene = SceneFiles.read(file);
        } catch (EngineException e) {
            node.put("error", e.getMessage());
            return true;
        } catch (OutOfMemoryError e) {
            node.put("error", "the scene is too large to read in the memory given (" + memory() + ")");
            return true;
        }
        boolean failed = false;
        ArrayNode results = node.putArray("results");
        for (LossEntry entry : scene.losses()) {
            ObjectNode result = results.addObject();
            result.put("name", entry.name());
            result.set("params", entry.given());
            try {
                write(SceneEvaluator.evaluate(scene, entry, withGradient), result);
            } catch (EngineException e) {
                result.removeAll();
                result.put("name", entry.name());
                result.put("error", e.getMessage());
                failed = true;
            } catch (OutOfMemoryError e) {
                result.removeAll();
                result.put("name", entry.name());
                result.put("error", "not enough memory to evaluate it on this scene (" + memory() + ")");
                failed = true;
            }
        }
        return failed;
    }

    static void write(Evaluation evaluation, ObjectNode result) {
        if (evaluation.isScalar()) {
            result.put("value", finite(evaluation.value()));
        } else {
            ArrayNode values = result.putArray("value");
            for (double v : evaluation.values()) {
                values.add(finite(v));
            }
        }
        if (evaluation.hasGradient() && evaluation.gradientUndefined().isPresent()) {
            result.putNull("gradient");
            result.put("gradient_undefined", evaluation.gradientUndefined().get());
        } else if (evaluation.hasGradient()) {
            ObjectNode gradient = result.putObject("gradient");
            for (Map.Entry<String, double[]> g : evaluation.gradient().entrySet()) {
                ArrayNode values = gradient.putArray(g.getKey());
                for (double v : g.getValue()) {
                    values.add(finite(v));
                }
            }
        }
    }

    /** The values, when every one is finite; else the error eval gives for the entry. */
    static double[] finite(double[] values) {
        for (double v : values) {
            finite(v);
        }
        return values;
    }

    private static double finite(double v) {
        if (!Double.isFinite(v)) {
            throw new EngineException("the result is not finite (" + v + ") for these inputs and parameters"
                    + " (a parameter of 0 where the loss divides by it, or inputs at the limit of a log)");
        }
        return v;
    }

    static String memory() {
        return "the Java heap holds at most " + (Runtime.getRuntime().maxMemory() >> 20) + " MB; give more with -Xmx";
    }
}
