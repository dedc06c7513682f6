package org.losslab.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.losslab.engine.EngineException;
import org.losslab.engine.coco.CocoDataset;
import org.losslab.engine.coco.CocoEvaluation;
import org.losslab.engine.coco.CocoSummary;
import org.losslab.engine.coco.IouType;
import org.losslab.scene.AtomicFiles;
import org.losslab.scene.CocoJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coco-eval}: pycocotools' COCOeval (default Params) on a ground truth and a results file; prints the 12
 * lines of {@code summarize()} and, with --json, the stats and per-category AP (CONTRACTS_V3 section 5).
 */
@Command(name = "coco-eval", mixinStandardHelpOptions = true,
        description = "COCO mAP of detection results, with the numbers of pycocotools' COCOeval.")
public final class CocoEvalCommand implements Callable<Integer> {
    @Option(names = "--gt", required = true, paramLabel = "INSTANCES.json", description = "COCO ground truth.")
    Path groundTruth;

    @Option(names = "--dt", required = true, paramLabel = "RESULTS.json", description = "COCO results (a list).")
    Path results;

    @Option(names = "--iou-type", defaultValue = "bbox", paramLabel = "bbox|segm",
            description = "Compare boxes or masks (default ${DEFAULT-VALUE}).")
    String iouType;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the stats and per-category AP.")
    Path json;

    @Option(names = "--threads", description = "Threads, 1 to 256 (default: every core).")
    Integer threads;

    /**
     * The command from a line of option-value pairs it knows, without picocli (whose reflection costs a quarter
     * of a second of CPU at start-up: coco-eval is timed as a whole process); null for anything else (help,
     * mistakes, other spellings), which picocli then parses and reports as usual.
     */
    static CocoEvalCommand plain(String[] args) {
        if (args.length % 2 != 0) {
            return null;
        }
        CocoEvalCommand command = new CocoEvalCommand();
        command.iouType = "bbox";
        try {
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                if (value.startsWith("-")) {
                    return null;
                }
                switch (args[i]) {
                    case "--gt" -> command.groundTruth = command.groundTruth == null ? Path.of(value) : null;
                    case "--dt" -> command.results = command.results == null ? Path.of(value) : null;
                    case "--iou-type" -> command.iouType = value;
                    case "--json" -> command.json = Path.of(value);
                    case "--threads" -> command.threads = Integer.valueOf(value);
                    default -> {
                        return null;
                    }
                }
            }
        } catch (RuntimeException e) {
            return null; // a path or number picocli will explain
        }
        return command.groundTruth != null && command.results != null ? command : null;
    }

    @Override
    public Integer call() {
        IouType type = "bbox".equals(iouType) ? IouType.BBOX : "segm".equals(iouType) ? IouType.SEGM : null;
        if (type == null || (threads != null && (threads < 1 || threads > 256))) {
            System.err.println("coco-eval: " + (type == null ? "--iou-type is bbox or segm, not " + iouType
                    : "--threads is 1 to 256"));
            return 2;
        }
        CocoSummary summary;
        try {
            CocoDataset data = CocoJson.read(groundTruth, results, type, threads == null ? 0 : threads);
            summary = new CocoSummary(CocoEvaluation.run(data, type, threads == null ? 0 : threads));
            if (json != null) {
                AtomicFiles.write(json, out -> writeJson(out, type, summary));
            }
        } catch (EngineException e) {
            System.err.println("coco-eval: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("coco-eval: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            System.err.println("coco-eval: not enough memory for these files (" + EvalCommand.memory() + ")");
            return 1;
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (String line : summary.lines()) {
            out.println(line);
        }
        out.flush();
        return 0;
    }

    /** {"iou_type", "stats": [12], "per_category": [{category_id, ap, ap50, ap75}]}, null for "no value". */
    static void writeJson(OutputStream stream, IouType type, CocoSummary summary) throws IOException {
        JsonFactory factory = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
        try (JsonGenerator g = factory.createGenerator(stream, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("iou_type", type.label());
            g.writeArrayFieldStart("stats");
            for (double s : summary.stats()) {
                g.writeNumber(s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("per_category");
            long[] ids = summary.categoryIds();
            for (int k = 0; k < ids.length; k++) {
                g.writeStartObject();
                g.writeNumberField("category_id", ids[k]);
                number(g, "ap", summary.categoryAp(k, Double.NaN));
                number(g, "ap50", summary.categoryAp(k, .5));
                number(g, "ap75", summary.categoryAp(k, .75));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void number(JsonGenerator g, String field, double v) throws IOException {
        if (Double.isNaN(v)) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, v);
        }
    }
}
