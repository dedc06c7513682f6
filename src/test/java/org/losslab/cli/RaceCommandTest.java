package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.race.DiouSimulation;
import org.losslab.engine.race.RaceLoss;

/** {@code race --paper}: its report, its CSV and its errors, on a few anchor centres. */
class RaceCommandTest {
    @TempDir
    Path dir;

    @Test
    void theReportAndTheCsvHoldTheSimulationsTotals() throws Exception {
        Path points = dir.resolve("points.csv");
        Files.writeString(points, "x,y\n10.5,9.25\n8.75,11\n");
        Path csv = dir.resolve("curves.csv");
        CommandRunner run = CommandRunner.run("race", "--paper", "--points", points.toString(), "--losses", "giou,diou",
                "--out", csv.toString(), "--threads", "1");
        assertEquals(0, run.status, run.err);
        String[] lines = run.out.strip().split("\n");
        assertTrue(lines[lines.length - 1].matches("race_paper_seconds=[0-9.]+"), lines[lines.length - 1]);
        List<RaceLoss> losses = List.of(RaceLoss.paper("giou"), RaceLoss.paper("diou"));
        double[][] totals = DiouSimulation.run(new double[][] {{10.5, 9.25}, {8.75, 11}}, losses, 1, d -> { });
        List<String> rows = Files.readAllLines(csv);
        assertEquals("iteration,giou,diou", rows.get(0));
        assertEquals(201, rows.size());
        for (int k = 1; k <= 200; k++) {
            String[] cells = rows.get(k).split(",");
            assertEquals(k, Integer.parseInt(cells[0]));
            assertEquals(totals[0][k - 1], Double.parseDouble(cells[1]), 0.0);
            assertEquals(totals[1][k - 1], Double.parseDouble(cells[2]), 0.0);
        }
        List<String> printed = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("giou ") || line.startsWith("diou ")) {
                printed.add(line);
            }
        }
        assertEquals(2, printed.size());
        String[] giou = printed.get(0).trim().split("\\s+");
        assertEquals(totals[0][199], Double.parseDouble(giou[giou.length - 1]), 1e-4, "the last column is step 200");
        assertEquals(totals[0][0], Double.parseDouble(giou[1]), 1e-4, "the first column is step 1");
    }

    /** 20 million points took gigabytes and hours with no word: past 100000 the race refuses, with an estimate. */
    @Test
    void tooManyPointsAreRefusedWithAnEstimateUnlessForced() throws Exception {
        StringBuilder text = new StringBuilder("x,y\n");
        for (int k = 0; k <= RaceCommand.MAX_POINTS; k++) {
            text.append("10.5,9.25\n");
        }
        Path many = dir.resolve("many.csv");
        Files.writeString(many, text);
        CommandRunner run = CommandRunner.run("race", "--paper", "--points", many.toString(), "--threads", "2");
        assertEquals(1, run.status, run.out + run.err);
        assertEquals(1, run.err.strip().lines().count(), run.err);
        assertTrue(run.err.contains("many.csv: 100001 anchor centres, more than 100000 (about ")
                && run.err.contains(" minutes on 2 threads for 4 losses") && run.err.contains("--force"), run.err);
        assertTrue(run.out.isEmpty(), "nothing ran: " + run.out);
        Path two = dir.resolve("two.csv");
        Files.writeString(two, "10.5,9.25\n8.75,11\n");
        assertEquals(0, CommandRunner.run("race", "--paper", "--points", two.toString(), "--losses", "diou", "--force").status);
    }

    private CommandRunner raceOn(String name, String text, String... more) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        List<String> args = new ArrayList<>(List.of("race", "--paper", "--points", file.toString(), "--losses", "diou", "--threads", "1"));
        args.addAll(List.of(more));
        return CommandRunner.run(args.toArray(new String[0]));
    }

    private static void oneLine(CommandRunner run, int status, String... expected) {
        assertEquals(status, run.status, run.out + run.err);
        assertEquals(1, run.err.strip().lines().count(), run.err);
        for (String part : expected) {
            assertTrue(run.err.contains(part), "'" + part + "' in " + run.err);
        }
    }

    /** Inputs the race took silently or answered with NaN: each is one line naming the file's row. */
    @Test
    void thePointsFileIsReadStrictly() throws Exception {
        oneLine(raceOn("far.csv", "x,y\n10,10\n1e160,10\n"), 1, "far.csv:3", "1e160");
        oneLine(raceOn("extra.csv", "x,y\n10,10,3\n"), 1, "extra.csv:2", "two columns");
        oneLine(raceOn("double.csv", "x,y\n10d,10\n"), 1, "double.csv:2", "10d");
        oneLine(raceOn("hex.csv", "x,y\n0x1p3,10\n"), 1, "hex.csv:2", "0x1p3");
        oneLine(raceOn("words.csv", "x,y\ncentre,10\n"), 1, "words.csv:2");
        oneLine(raceOn("empty.csv", "x,y\n"), 1, "empty.csv", "no anchor centres");
        oneLine(CommandRunner.run("race", "--paper", "--losses", ","), 2, "--losses");
        oneLine(CommandRunner.run("race", "--paper", "--losses", "diou,"), 2, "--losses");
    }

    /** A first row of numbers, or a file opening with a byte-order mark, is data, not a header to drop. */
    @Test
    void aFirstRowOfNumbersIsDataAndAByteOrderMarkIsSkipped() throws Exception {
        List<RaceLoss> diou = List.of(RaceLoss.paper("diou"));
        double[][] expected = DiouSimulation.run(new double[][] {{10.5, 10}, {12, 10}}, diou, 1, d -> { });
        String[][] files = {{"dot.csv", ".105e2,10\n+12,10\n"}, {"bom.csv", "\uFEFFx,y\n10.5,10\n12,10\n"},
            {"bomdata.csv", "\uFEFF10.5,10\n12.0,10\n"}};
        for (String[] file : files) {
            CommandRunner run = raceOn(file[0], file[1]);
            assertEquals(0, run.status, file[0] + ": " + run.err);
            assertTrue(run.out.contains("sum over 686 regressions"), file[0] + " read both points: " + run.out);
            String row = run.out.lines().filter(l -> l.startsWith("diou ")).findFirst().orElseThrow();
            String[] cells = row.trim().split("\\s+");
            assertEquals(expected[0][199], Double.parseDouble(cells[cells.length - 1]), 1e-4, file[0]);
        }
    }

    @Test
    void badArgumentsAreClearErrors() throws Exception {
        assertEquals(2, CommandRunner.run("race").status);
        assertEquals(2, CommandRunner.run("race", "--paper", "--gradients", "mine").status);
        CommandRunner eiou = CommandRunner.run("race", "--paper", "--losses", "eiou");
        assertEquals(1, eiou.status);
        assertTrue(eiou.err.contains("--gradients exact"), eiou.err);
        CommandRunner dice = CommandRunner.run("race", "--paper", "--gradients", "exact", "--losses", "dice");
        assertEquals(1, dice.status);
        assertTrue(dice.err.contains("not a box loss"), dice.err);
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "x,y\n1,2\n3,oops\n");
        CommandRunner bad = CommandRunner.run("race", "--paper", "--points", broken.toString());
        assertEquals(1, bad.status);
        assertTrue(bad.err.contains("broken.csv:3"), bad.err);
        assertEquals(2, CommandRunner.run("race", "--paper", "--out", dir.toString()).status);
    }
}
