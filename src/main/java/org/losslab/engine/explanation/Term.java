package org.losslab.engine.explanation;

import java.util.Locale;

/**
 * One line of a loss's computation: what it is, its formula with the scene's numbers in it, its value, and
 * where on the image it comes from.
 *
 * @param label    what the line is ("soft TP, class 1")
 * @param formula  how it is computed, with the numbers ("(312.4 + 0) / max(...)")
 * @param value    its value
 * @param pixels   each pixel's share of the value (H x W, summed over channels), or null for a line that is
 *                 not a sum over pixels (a score, a weight)
 * @param additive whether the line is a summand of the final value (the waterfall's bars add up to it)
 */
public record Term(String label, String formula, double value, double[] pixels, boolean additive) {

    public static Term sum(String label, String formula, double value, double[] pixels) {
        return new Term(label, formula, value, pixels, false);
    }

    public static Term step(String label, String formula, double value) {
        return new Term(label, formula, value, null, false);
    }

    public static Term summand(String label, String formula, double value, double[] pixels) {
        return new Term(label, formula, value, pixels, true);
    }

    /** A number as an explanation line shows it: six significant digits, no trailing zeros (0.2, not 0.200000). */
    public static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int exponent = s.indexOf('e');
        String mantissa = exponent < 0 ? s : s.substring(0, exponent);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return exponent < 0 ? mantissa : mantissa + s.substring(exponent);
    }
}
