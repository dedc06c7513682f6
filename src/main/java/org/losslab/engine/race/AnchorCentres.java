package org.losslab.engine.race;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.losslab.engine.EngineException;

/**
 * The race's anchor centres from a CSV of {@code x,y} rows, read strictly: an optional UTF-8 byte-order
 * mark, an optional header of two names on the first line (a first row of numbers, {@code .5,10} or
 * {@code +12,10}, is data), then exactly two plain decimal numbers a row (not {@code 10d}, {@code 0x1p3},
 * NaN or Infinity), each within {@value #MAX_COORDINATE} of the origin. Any other row is one line naming
 * the file and the row.
 */
public final class AnchorCentres {
    /**
     * The largest coordinate taken: the targets sit at (10, 10) with sides near 1, and far beyond this the
     * regression's squares overflow (a centre at 1e160 gave NaN totals).
     */
    public static final double MAX_COORDINATE = 1e6;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_ ]*");

    private AnchorCentres() {
    }

    /** More anchor centres than a run takes unasked: {@code count} of them (all rows counted, none kept). */
    public static final class TooManyPoints extends EngineException {
        private final long count;

        TooManyPoints(String where, long count, int limit) {
            super(where + ": " + count + " anchor centres, more than " + limit);
            this.count = count;
        }

        public long count() {
            return count;
        }
    }

    /**
     * At most {@code limit} centres: past it the rest of the file is only counted (nothing kept, so that a
     * file of millions of points costs no memory) and {@link TooManyPoints} says how many there are.
     */
    public static double[][] read(Reader in, String where, int limit) throws IOException {
        List<double[]> points = new ArrayList<>();
        BufferedReader reader = new BufferedReader(in);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (number == 1 && cells.length == 2 && NAME.matcher(cells[0].strip()).matches()
                    && NAME.matcher(cells[1].strip()).matches()) {
                continue; // the header
            }
            if (points.size() == limit) {
                long count = limit + 1L;
                while ((line = reader.readLine()) != null) {
                    count += line.isBlank() ? 0 : 1;
                }
                throw new TooManyPoints(where, count, limit);
            }
            if (cells.length != 2) {
                throw new EngineException(where + ":" + number + ": expected two columns x,y, got " + cells.length + " in '"
                        + abbreviate(line) + "'");
            }
            points.add(new double[] {coordinate(cells[0], where, number, line), coordinate(cells[1], where, number, line)});
        }
        if (points.isEmpty()) {
            throw new EngineException(where + ": no anchor centres (expected rows of x,y)");
        }
        return points.toArray(new double[0][]);
    }

    private static double coordinate(String cell, String where, int number, String line) {
        String text = cell.strip();
        if (!NUMBER.matcher(text).matches()) {
            throw new EngineException(where + ":" + number + ": expected two decimal numbers x,y, got '" + abbreviate(line) + "'");
        }
        double value = Double.parseDouble(text);
        if (!(Math.abs(value) <= MAX_COORDINATE)) {
            throw new EngineException(where + ":" + number + ": " + text + " is too far for the race (the targets sit at (10, 10); "
                    + "coordinates up to 1e6 are taken)");
        }
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
