package org.losslab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossSpec;
import org.losslab.engine.maps.LossMaps;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.sweep.SweepTerm;
import org.losslab.scene.NpyWriter;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneFiles;
import org.losslab.scene.Terms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code map}: a loss's map on a scene as a float64 .npy of shape C x H x W: its gradient dL/dz (what
 * {@code eval --grad} prints) or its value per element, with the scene's or the given parameters.
 */
@Command(name = "map", mixinStandardHelpOptions = true, description = "Write a loss's gradient or value map as .npy.")
public final class MapCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENE.json")
    Path sceneFile;

    @Option(names = "--loss", description = "NAME[:key=value,...] (default: the scene's first loss, with its parameters).")
    String loss;

    @Option(names = "--kind", required = true, description = "gradient or value.")
    String kind;

    @Option(names = "--out", required = true, description = "The .npy file to write.")
    Path out;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        if (!kind.equals("gradient") && !kind.equals("value")) {
            System.err.println("map: --kind must be gradient or value");
            return 2;
        }
        if (Files.isDirectory(out)) {
            System.err.println("map: --out " + out + " is a folder; give a file name");
            return 2;
        }
        try {
            Scene scene = SceneFiles.read(sceneFile);
            SegmentationData data = scene.block(Domains.SEGMENTATION).orElseThrow(() ->
                    new EngineException("the scene has no segmentation block: maps are of segmentation losses"));
            SweepTerm term;
            if (loss != null) {
                term = Terms.parse(loss);
            } else if (!scene.losses().isEmpty()) {
                term = Terms.of(scene).get(0);
            } else {
                throw new EngineException("the scene lists no loss: give --loss");
            }
            if (term.spec().domain() != Domains.SEGMENTATION) {
                throw new EngineException(term.spec().name() + " is not a segmentation loss");
            }
            LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) term.spec();
            // refused as eval refuses the same entry: a map of NaN or infinities is no answer
            double[] values = EvalCommand.finite(kind.equals("gradient") ? LossMaps.gradient(spec, data, term.params())
                    : LossMaps.values(spec, data, term.params()));
            int planes = values.length / data.pixels();
            NpyWriter.write(out, new int[] {planes, data.height(), data.width()}, values);
            System.out.printf(Locale.ROOT, "wrote %s: %s of %s, %d x %d x %d%n", out, kind, term.label(), planes,
                    data.height(), data.width());
            return 0;
        } catch (EngineException e) {
            System.err.println("map: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("map: cannot write " + out + " (" + SceneFiles.reason(e) + ")");
            return 1;
        }
    }
}
