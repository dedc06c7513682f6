package org.losslab.engine.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The table a sweep produces: the swept values and one column of numbers per curve. Charts draw it,
 * the {@code sweep} command writes it as CSV; nothing recomputes it.
 */
public final class SweepResult {
    private final String axis;
    private final double[] x;
    private final List<String> columns = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();

    public SweepResult(String axis, double[] x) {
        this.axis = axis;
        this.x = x.clone();
    }

    /** Adds a column; returns it for filling. */
    public double[] addColumn(String name) {
        double[] column = new double[x.length];
        columns.add(name);
        values.add(column);
        return column;
    }

    public String axis() {
        return axis;
    }

    public double[] x() {
        return x.clone();
    }

    public List<String> columns() {
        return Collections.unmodifiableList(columns);
    }

    public double[] column(String name) {
        int k = columns.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        return values.get(k).clone();
    }

    public double[] column(int k) {
        return values.get(k).clone();
    }

    /** CSV with a header row; numbers as Java prints doubles, so they read back exactly. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(csvField(axis));
        for (String c : columns) {
            out.append(',').append(csvField(c));
        }
        out.append('\n');
        for (int i = 0; i < x.length; i++) {
            out.append(x[i]);
            for (double[] column : values) {
                out.append(',').append(column[i]);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
