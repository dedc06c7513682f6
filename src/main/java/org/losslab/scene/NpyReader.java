package org.losslab.scene;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} arrays as a PyTorch user saves them with {@code np.save}: float32 or float64,
 * little or big endian, C order, shape H x W or C x H x W (a leading batch of 1 is dropped).
 */
public final class NpyReader {
    /** The array: its shape and its values as doubles, row-major. */
    public record Array(int[] shape, double[] values) {
    }

    private NpyReader() {
    }

    public static Array read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SceneException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(bytes, file.getFileName().toString());
    }

    public static Array parse(byte[] bytes, String name) {
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N' || bytes[2] != 'U' || bytes[3] != 'M'
                || bytes[4] != 'P' || bytes[5] != 'Y') {
            throw new SceneException(name + ": not a NumPy .npy file");
        }
        int major = bytes[6];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = buffer.getShort(8) & 0xFFFF;
            headerStart = 10;
        } else {
            headerLength = buffer.getInt(8);
            headerStart = 12;
        }
        if (headerStart + headerLength > bytes.length) {
            throw new SceneException(name + ": truncated header");
        }
        String header = new String(bytes, headerStart, headerLength, java.nio.charset.StandardCharsets.ISO_8859_1);
        Matcher descr = Pattern.compile("'descr':\\s*'([<>|=])([fiu])(\\d)'").matcher(header);
        if (!descr.find()) {
            throw new SceneException(name + ": unsupported dtype in header " + header.trim());
        }
        if (header.matches("(?s).*'fortran_order':\\s*True.*")) {
            throw new SceneException(name + ": Fortran-ordered arrays are not supported; save with np.ascontiguousarray");
        }
        Matcher shapeMatch = Pattern.compile("'shape':\\s*\\(([^)]*)\\)").matcher(header);
        if (!shapeMatch.find()) {
            throw new SceneException(name + ": no shape in header");
        }
        String[] parts = shapeMatch.group(1).split(",");
        java.util.List<Integer> dims = new java.util.ArrayList<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                dims.add(Integer.parseInt(p.trim()));
            }
        }
        while (dims.size() > 2 && dims.get(0) == 1 && dims.size() > 3) {
            dims.remove(0);
        }
        if (dims.size() == 4 && dims.get(0) == 1) {
            dims.remove(0);
        }
        if (dims.size() < 2 || dims.size() > 3) {
            throw new SceneException(name + ": expected shape H x W or C x H x W, got " + dims);
        }
        char kind = descr.group(2).charAt(0);
        int size = Integer.parseInt(descr.group(3));
        if (kind != 'f' || (size != 4 && size != 8)) {
            throw new SceneException(name + ": expected float32 or float64, got " + descr.group(2) + size);
        }
        buffer.order(descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long count = 1;
        for (int d : dims) {
            count *= d;
        }
        int dataStart = headerStart + headerLength;
        if (dataStart + count * size > bytes.length) {
            throw new SceneException(name + ": the file holds fewer values than its shape " + dims + " needs");
        }
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            double v = size == 4 ? buffer.getFloat(dataStart + 4 * i) : buffer.getDouble(dataStart + 8 * i);
            if (!Double.isFinite(v)) {
                throw new SceneException(name + ": value " + i + " is " + v);
            }
            values[i] = v;
        }
        int[] shape = dims.size() == 2 ? new int[] {1, dims.get(0), dims.get(1)}
                : new int[] {dims.get(0), dims.get(1), dims.get(2)};
        return new Array(shape, values);
    }
}
