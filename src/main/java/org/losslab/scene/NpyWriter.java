package org.losslab.scene;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes a float64 NumPy {@code .npy} array (format 1.0, little-endian, C order), atomically. */
public final class NpyWriter {
    private NpyWriter() {
    }

    public static void write(Path file, int[] shape, double[] values) throws IOException {
        long count = 1;
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            count *= d;
            dims.append(d).append(", ");
        }
        if (count != values.length) {
            throw new IllegalArgumentException("shape holds " + count + " values, given " + values.length);
        }
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': " + tuple + ", }");
        // the data start on a multiple of 64 bytes, the header ending in a newline, as NumPy writes it
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] text = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + text.length + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) text.length).put(text);
        for (double v : values) {
            b.putDouble(v);
        }
        AtomicFiles.write(file, b.array());
    }
}
