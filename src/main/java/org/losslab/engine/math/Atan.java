package org.losslab.engine.math;

/**
 * The arctangent of fdlibm (s_atan.c, the algorithm behind {@link StrictMath#atan}), in Java: the same
 * bits as {@code Math.atan} on Java 17, which calls into native code for every value. CIoU and the race
 * call it hundreds of millions of times, and a call the compiler can inline is three times faster there.
 * AtanTest checks it bit for bit against StrictMath.
 */
public final class Atan {
    static final double[] HI = {4.63647609000806093515e-01, 7.85398163397448278999e-01,
        9.82793723247329054082e-01, 1.57079632679489655800e+00};
    static final double[] LO = {2.26987774529616870924e-17, 3.06161699786838301793e-17,
        1.39033110312309984516e-17, 6.12323399573676603587e-17};
    static final double[] T = {3.33333333333329318027e-01, -1.99999999998764832476e-01,
        1.42857142725034663711e-01, -1.11111104054623557880e-01, 9.09088713343650656196e-02,
        -7.69187620504482999495e-02, 6.66107313738753120669e-02, -5.83357013379057348645e-02,
        4.97687799461593236017e-02, -3.65315727442169155270e-02, 1.62858201153657823623e-02};

    private Atan() {
    }

    /** The arctangent of x, bit for bit {@link StrictMath#atan}. */
    public static double atan(double x) {
        int hx = (int) (Double.doubleToRawLongBits(x) >>> 32);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x44100000) {
            // |x| >= 2^66, or NaN
            if (Double.isNaN(x)) {
                return x + x;
            }
            return hx > 0 ? HI[3] + LO[3] : -HI[3] - LO[3];
        }
        int id;
        if (ix < 0x3fdc0000) {
            // |x| < 0.4375
            if (ix < 0x3e200000) {
                // |x| < 2^-29: atan(x) rounds to x
                return x;
            }
            id = -1;
        } else {
            x = Math.abs(x);
            if (ix < 0x3ff30000) {
                if (ix < 0x3fe60000) {
                    id = 0;
                    x = (2.0 * x - 1.0) / (2.0 + x);
                } else {
                    id = 1;
                    x = (x - 1.0) / (x + 1.0);
                }
            } else if (ix < 0x40038000) {
                id = 2;
                x = (x - 1.5) / (1.0 + 1.5 * x);
            } else {
                id = 3;
                x = -1.0 / x;
            }
        }
        double z = x * x;
        double w = z * z;
        double s1 = z * (T[0] + w * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * T[10])))));
        double s2 = w * (T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * T[9]))));
        if (id < 0) {
            return x - x * (s1 + s2);
        }
        z = HI[id] - ((x * (s1 + s2) - LO[id]) - x);
        return hx < 0 ? -z : z;
    }
}
