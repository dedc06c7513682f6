package org.losslab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.losslab.engine.EngineException;
import org.losslab.engine.dataset.AuditResult;
import org.losslab.engine.dataset.ClassNumbers;
import org.losslab.engine.dataset.DatasetAudit;
import org.losslab.engine.dataset.MonaiMean;
import org.losslab.engine.dataset.NnUnetMean;
import org.losslab.engine.dataset.SmpReduction;
import org.losslab.scene.AtomicFiles;
import org.losslab.scene.AuditFiles;
import org.losslab.scene.FolderPair;
import org.losslab.scene.SceneFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audit}: a labels folder against a predictions folder (CONTRACTS_V3 section 4): per case and class the
 * counts, Dice, IoU and surface distances, and the aggregates of nnU-Net, MONAI and smp side by side.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Score a folder of predictions against a folder of ground truths, case by case and as "
                + "nnU-Net, MONAI and smp aggregate them.")
public final class AuditCommand implements Callable<Integer> {
    private static final int WORST_SHOWN = 5;

    @Option(names = "--labels", required = true, paramLabel = "DIR", description = "The ground-truth label maps (.png, .npy).")
    Path labels;

    @Option(names = "--predictions", required = true, paramLabel = "DIR",
            description = "The predictions with the same names: label maps, or probabilities as .npy.")
    Path predictions;

    @Option(names = "--classes", paramLabel = "N", defaultValue = "0",
            description = "Classes with background (1 .. N-1 are scored); default: the largest class in any file, plus one.")
    int classes;

    @Option(names = "--threshold", defaultValue = "0.5",
            description = "A single probability map's class 1 is where p >= this (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--spacing", paramLabel = "SX,SY[,SZ]", split = ",",
            description = "mm per pixel or voxel, x first; wins over any header (default: the headers', else 1).")
    double[] spacing;

    @Option(names = "--tolerance", paramLabel = "MM", defaultValue = "1", description = "NSD's tolerance in mm (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--allow-missing", description = "List the files without a partner and audit the rest (default: refuse).")
    boolean allowMissing;

    @Option(names = "--threads", paramLabel = "N", description = "Cases scored at once (default: every core).")
    Integer threads;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Write every number as JSON here.")
    Path json;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "Write one row per case and class here.")
    Path csv;

    @Override
    public Integer call() {
        String usage = checkOptions();
        if (usage != null) {
            System.err.println("audit: " + usage);
            return 2;
        }
        // a long audit runs under the serial collector, whose resident memory stays near the live set; a small folder
        // is not worth a second JVM start (its memory is small under any collector)
        Integer relaunched = smallFolder(predictions) ? null : Relaunch.withSerialCollector();
        if (relaunched != null) {
            return relaunched;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        AuditResult audit;
        byte[] jsonBytes;
        byte[] csvBytes;
        try {
            FolderPair pair = FolderPair.open(labels, predictions, new FolderPair.Options(threshold, spacing, allowMissing));
            pair.missing().forEach(line -> out.println("missing partner: " + line));
            int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            audit = DatasetAudit.run(pair, new DatasetAudit.Settings(classes, tolerance, workers), (result, done, total) -> { },
                    () -> false);
            jsonBytes = json == null ? null : AuditFiles.json(audit);
            csvBytes = csv == null ? null : AuditFiles.csv(audit);
        } catch (EngineException e) {
            System.err.println("audit: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            System.err.println("audit: not enough memory (" + EvalCommand.memory() + "; or fewer --threads)");
            return 1;
        }
        if (!write(json, jsonBytes) || !write(csv, csvBytes)) {
            return 1;
        }
        print(out, audit, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** Writes one output whole or not at all (nothing to write: true); false after saying why it failed. */
    private static boolean write(Path file, byte[] bytes) {
        if (bytes == null) {
            return true;
        }
        try {
            AtomicFiles.write(file, bytes);
            return true;
        } catch (IOException e) {
            System.err.println("audit: cannot write " + file + " (" + SceneFiles.reason(e) + ")");
            return false;
        }
    }

    /** What is wrong with the options, or null. */
    private String checkOptions() {
        if (classes < 0 || classes == 1) {
            return "--classes must be 2 or more (background and at least one class)";
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            return "--threshold must be between 0 and 1";
        }
        if (spacing != null && (spacing.length < 2 || spacing.length > 3
                || Arrays.stream(spacing).anyMatch(s -> !(s > 0) || !Double.isFinite(s)))) {
            return "--spacing takes 2 or 3 positive sizes in mm, x first (SX,SY[,SZ])";
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            return "--tolerance must be 0 mm or more";
        }
        if (threads != null && threads < 1) {
            return "--threads must be 1 or more";
        }
        for (Path out : new Path[] {json, csv}) {
            if (out != null && Files.isDirectory(out)) {
                return out + " is a folder; give a file name";
            }
            Path parent = out == null ? null : out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                return "no folder " + parent + " to write " + out.getFileName() + " in";
            }
        }
        return null;
    }

    private static void print(PrintStream out, AuditResult audit, double seconds) {
        var a = audit.aggregates();
        out.printf(Locale.ROOT, "audit: %d cases, classes 1-%d, NSD tolerance %s mm, %.2f s%n", audit.cases().size(),
                audit.classes(), number(audit.toleranceMm()), seconds);
        printNnUnet(out, "dice", a.nnunetDice());
        printNnUnet(out, "iou", a.nnunetIou());
        printMonai(out, "dice", a.monaiDice(), audit);
        printMonai(out, "hd95", a.monaiHd95(), audit);
        printMonai(out, "nsd", a.monaiNsd(), audit);
        printSmp(out, SmpReduction.Score.IOU.key(), a.smpIou());
        printSmp(out, SmpReduction.Score.F1.key(), a.smpF1());
        out.println("worst cases (lowest Dice):");
        for (AuditResult.CaseClass worst : audit.worst(WORST_SHOWN)) {
            ClassNumbers k = worst.numbers();
            String why = k.emptiness();
            out.printf(Locale.ROOT, "  %s class %d: dice %s, hd95 %s mm, nsd %s%s%n", worst.result().name(), worst.classIndex(),
                    number(k.dice()), number(k.hd95()), number(k.nsd()), why == null ? "" : " (" + why + ")");
        }
    }

    private static void printNnUnet(PrintStream out, String metric, NnUnetMean mean) {
        StringBuilder line = new StringBuilder("nnunet " + metric + ": foreground mean " + number(mean.foregroundMean()) + "; per class");
        for (int c = 0; c < mean.perClass().length; c++) {
            line.append(c > 0 ? "," : "").append(' ').append(c + 1).append(' ').append(number(mean.perClass()[c]));
        }
        out.println(line);
    }

    private static void printMonai(PrintStream out, String metric, MonaiMean mean, AuditResult audit) {
        out.printf(Locale.ROOT, "monai %s: mean %s over %d values of %d (case, class) pairs%n", metric, number(mean.mean()),
                mean.notNans(), (long) audit.cases().size() * audit.classes());
    }

    private static void printSmp(PrintStream out, String score, SmpReduction r) {
        out.printf(Locale.ROOT, "smp %s: micro %s, macro %s, micro-imagewise %s, macro-imagewise %s%n", score, number(r.micro()),
                number(r.macro()), number(r.microImagewise()), number(r.macroImagewise()));
    }

    /** Six significant digits for a person (the JSON has every digit); nan and inf as words. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** At most {@value #SMALL_CASES} files of {@value #SMALL_BYTES} bytes in all (an unreadable folder is not small). */
    static boolean smallFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            long[] seen = new long[2];
            files.limit(SMALL_CASES + 1).forEach(f -> {
                seen[0]++;
                seen[1] += f.toFile().length();
            });
            return seen[0] <= SMALL_CASES && seen[1] <= SMALL_BYTES;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static final int SMALL_CASES = 64;
    static final long SMALL_BYTES = 64L << 20;
}
