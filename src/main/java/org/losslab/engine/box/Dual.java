package org.losslab.engine.box;

import org.losslab.engine.math.Atan;

/**
 * A number with its exact derivatives with respect to the four corners of a predicted box (forward-mode
 * automatic differentiation): the box losses whose formulas chain a dozen operations (SIoU, Alpha-IoU,
 * EIoU, NWD) are written once, as in their papers, and their gradients follow without hand derivation.
 * Where torch's derivative is a convention (ties of min and max split the gradient in half, |x| and clamp
 * at their kinks), these follow torch.
 */
public final class Dual {
    private final double value;
    private final double[] d;

    private Dual(double value, double[] d) {
        this.value = value;
        this.d = d;
    }

    public static Dual constant(double value) {
        return new Dual(value, new double[4]);
    }

    /** The k-th predicted coordinate (x1, y1, x2, y2 = 0..3). */
    public static Dual variable(double value, int k) {
        double[] d = new double[4];
        d[k] = 1;
        return new Dual(value, d);
    }

    public double value() {
        return value;
    }

    /** d(this)/d(coordinate k). */
    public double derivative(int k) {
        return d[k];
    }

    /** The same value with no gradient (torch.no_grad). */
    public Dual detached() {
        return constant(value);
    }

    private Dual chain(double newValue, double factor) {
        double[] out = new double[4];
        for (int k = 0; k < 4; k++) {
            out[k] = factor * d[k];
        }
        return new Dual(newValue, out);
    }

    private static Dual combine(double value, Dual a, double fa, Dual b, double fb) {
        double[] out = new double[4];
        for (int k = 0; k < 4; k++) {
            out[k] = fa * a.d[k] + fb * b.d[k];
        }
        return new Dual(value, out);
    }

    public Dual plus(Dual o) {
        return combine(value + o.value, this, 1, o, 1);
    }

    public Dual plus(double c) {
        return new Dual(value + c, d.clone());
    }

    public Dual minus(Dual o) {
        return combine(value - o.value, this, 1, o, -1);
    }

    public Dual minus(double c) {
        return new Dual(value - c, d.clone());
    }

    public Dual times(Dual o) {
        return combine(value * o.value, this, o.value, o, value);
    }

    public Dual times(double c) {
        return chain(value * c, c);
    }

    public Dual dividedBy(Dual o) {
        return combine(value / o.value, this, 1 / o.value, o, -value / (o.value * o.value));
    }

    public Dual dividedBy(double c) {
        return chain(value / c, 1 / c);
    }

    public Dual negate() {
        return chain(-value, -1);
    }

    /** this^e for a constant exponent; torch's derivative e x^(e-1), 0 for e = 0. */
    public Dual pow(double e) {
        double result = Math.pow(value, e);
        return chain(result, e == 0 ? 0 : e * Math.pow(value, e - 1));
    }

    public Dual square() {
        return chain(value * value, 2 * value);
    }

    public Dual sqrt() {
        double root = Math.sqrt(value);
        return chain(root, 0.5 / root);
    }

    public Dual exp() {
        double e = Math.exp(value);
        return chain(e, e);
    }

    public Dual atan() {
        return chain(Atan.atan(value), 1 / (1 + value * value));
    }

    public Dual asin() {
        return chain(Math.asin(value), 1 / Math.sqrt(1 - value * value));
    }

    public Dual cos() {
        return chain(Math.cos(value), -Math.sin(value));
    }

    /** |x| with torch's derivative sign(x) (0 at 0). */
    public Dual abs() {
        return chain(Math.abs(value), Math.signum(value));
    }

    /** torch.clamp(x, min=lo): the gradient passes where x >= lo. */
    public Dual clampMin(double lo) {
        return value >= lo ? this : constant(lo);
    }

    /** torch.clamp(x, lo, hi): the gradient passes where lo <= x <= hi. */
    public Dual clamp(double lo, double hi) {
        if (value < lo) {
            return constant(lo);
        }
        return value > hi ? constant(hi) : this;
    }

    /** torch.maximum: a tie splits the gradient in half. */
    public static Dual max(Dual a, Dual b) {
        if (a.value == b.value) {
            return combine(a.value, a, 0.5, b, 0.5);
        }
        return a.value > b.value ? a : b;
    }

    /** torch.minimum: a tie splits the gradient in half. */
    public static Dual min(Dual a, Dual b) {
        if (a.value == b.value) {
            return combine(a.value, a, 0.5, b, 0.5);
        }
        return a.value < b.value ? a : b;
    }

    /** Writes the four derivatives into {@code out}. */
    public void derivatives(double[] out) {
        System.arraycopy(d, 0, out, 0, 4);
    }
}
