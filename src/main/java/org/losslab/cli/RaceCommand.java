package org.losslab.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.losslab.engine.EngineException;
import org.losslab.engine.race.AnchorCentres;
import org.losslab.engine.race.DiouSimulation;
import org.losslab.engine.race.RaceLoss;
import org.losslab.scene.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code race --paper}: the DIoU paper's regression simulation (1,715,000 regressions of 200 steps with the
 * 5000 bundled anchor centres) with the authors' gradients or LossLab's exact ones; prints each loss's total
 * error after steps 1, 10, 20, 40, 80, 160 and 200, then the seconds it took.
 */
@Command(name = "race", mixinStandardHelpOptions = true,
        description = "Run the DIoU paper's box regression simulation (--paper) and print each loss's total error.")
public final class RaceCommand implements Callable<Integer> {
    private static final int[] REPORTED = {1, 10, 20, 40, 80, 160, 200};

    @Option(names = "--paper", description = "The paper's simulation: 7 targets x 7 scales x 7 aspects at every point.")
    boolean paper;

    @Option(names = "--points", paramLabel = "FILE",
            description = "Anchor centres, a CSV of x,y (default: the paper's 5000 points, bundled).")
    Path points;

    @Option(names = "--gradients", defaultValue = "paper",
            description = "paper: the authors' code, quirks included; exact: the registry's analytic gradients.")
    String gradients;

    @Option(names = "--losses", defaultValue = "iou,giou,diou,ciou",
            description = "Box losses to race, comma-separated (paper gradients: iou, giou, diou, ciou; exact: any box loss).")
    String losses;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV of every step: iteration,<loss>,... (total error).")
    Path out;

    @Option(names = "--threads", description = "Worker threads (default: every core).")
    Integer threads;

    @Option(names = "--force", description = "Run more than " + MAX_POINTS + " anchor centres (hours, and memory for each).")
    boolean force;

    /** 20 times the paper's 5000 points: about 4 minutes on 2 cores. */
    static final int MAX_POINTS = 100_000;
    /** Core seconds per anchor centre and loss here (the paper's 5000 points, 4 losses: 11.5 s on 2 cores). */
    private static final double CORE_SECONDS_PER_POINT_LOSS = 1.2e-3;

    @Override
    public Integer call() {
        if (!paper) {
            System.err.println("race: only the paper's simulation is available from the command line: add --paper");
            return 2;
        }
        if (!gradients.equals("paper") && !gradients.equals("exact")) {
            System.err.println("race: --gradients must be paper or exact, got '" + gradients + "'");
            return 2;
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > 1024) {
            System.err.println("race: --threads must be between 1 and 1024");
            return 2;
        }
        if (out != null && Files.isDirectory(out)) {
            System.err.println("race: --out " + out + " is a folder; give a file name");
            return 2;
        }
        List<String> names = new ArrayList<>();
        for (String name : losses.split(",", -1)) {
            if (name.isBlank()) {
                System.err.println("race: --losses '" + losses + "' has an empty name (give names separated by commas)");
                return 2;
            }
            names.add(name.strip());
        }
        Integer relaunched = Relaunch.withVectorModule();
        if (relaunched != null) {
            return relaunched;
        }
        try {
            List<RaceLoss> contestants = new ArrayList<>();
            for (String name : names) {
                contestants.add(gradients.equals("paper") ? RaceLoss.paper(name) : RaceLoss.exact(name));
            }
            double[][] centres;
            try {
                centres = readPoints();
            } catch (AnchorCentres.TooManyPoints e) {
                System.err.println("race: " + e.getMessage() + " (about " + duration(e.count(), workers, contestants.size())
                        + " on " + workers + " threads for " + contestants.size() + " losses; the paper's 5000 take about "
                        + duration(5000, workers, contestants.size()) + "): give --force to run them");
                return 1;
            }
            long start = System.nanoTime();
            int every = Math.max(1, centres.length / 10);
            double[][] totals = DiouSimulation.run(centres, contestants, workers, done -> {
                if (done % every == 0 && done < centres.length) {
                    System.err.printf(Locale.ROOT, "race: %d of %d points%n", done, centres.length);
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            for (int l = 0; l < totals.length; l++) {
                for (double total : totals[l]) {
                    if (!Double.isFinite(total)) {
                        // the centres are bounded so that this does not happen; never print a NaN as a result
                        throw new EngineException("the total error of " + contestants.get(l).name() + " is not finite ("
                                + total + "): a regression overflowed");
                    }
                }
            }
            print(contestants, totals, centres.length);
            if (out != null) {
                writeCsv(contestants, totals);
            }
            System.out.printf(Locale.ROOT, "race_paper_seconds=%.2f%n", seconds);
            return 0;
        } catch (EngineException e) {
            System.err.println("race: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("race: " + e.getMessage());
            return 1;
        }
    }

    private static String duration(long points, int workers, int losses) {
        double seconds = points * losses * CORE_SECONDS_PER_POINT_LOSS / Math.min(workers, Runtime.getRuntime().availableProcessors());
        return seconds < 120 ? String.format(Locale.ROOT, "%.0f s", seconds)
                : seconds < 7200 ? String.format(Locale.ROOT, "%.0f minutes", seconds / 60)
                : String.format(Locale.ROOT, "%.1f hours", seconds / 3600);
    }

    private double[][] readPoints() throws IOException {
        if (points == null) {
            try (Reader in = new InputStreamReader(RaceCommand.class.getResourceAsStream("/race/points5000.csv"),
                    StandardCharsets.UTF_8)) {
                return DiouSimulation.readPoints(in, "points5000.csv");
            }
        }
        if (!Files.isRegularFile(points)) {
            throw new IOException("cannot read " + points + " (not a file)");
        }
        try (Reader in = Files.newBufferedReader(points, StandardCharsets.UTF_8)) {
            return DiouSimulation.readPoints(in, points.toString(), force ? Integer.MAX_VALUE : MAX_POINTS);
        }
    }

    private void print(List<RaceLoss> contestants, double[][] totals, int pointCount) {
        System.out.printf(Locale.ROOT, "# total error (sum over %d regressions of |dx| + |dy| + |dw| + |dh|), %s gradients%n",
                (long) pointCount * DiouSimulation.CASES_PER_POINT, gradients);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s", "loss"));
        for (int step : REPORTED) {
            header.append(String.format(Locale.ROOT, " %16s", "step " + step));
        }
        System.out.println(header);
        for (int l = 0; l < contestants.size(); l++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-10s", contestants.get(l).name()));
            for (int step : REPORTED) {
                row.append(String.format(Locale.ROOT, " %16.4f", totals[l][step - 1]));
            }
            System.out.println(row);
        }
    }

    private void writeCsv(List<RaceLoss> contestants, double[][] totals) throws IOException {
        StringBuilder csv = new StringBuilder("iteration");
        for (RaceLoss loss : contestants) {
            csv.append(',').append(loss.name());
        }
        csv.append('\n');
        for (int k = 0; k < DiouSimulation.STEPS; k++) {
            csv.append(k + 1);
            for (double[] row : totals) {
                csv.append(',').append(row[k]);
            }
            csv.append('\n');
        }
        AtomicFiles.write(out, csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
