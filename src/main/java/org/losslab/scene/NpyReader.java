package org.losslab.scene;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a NumPy {@code .npy} array of float32 or float64 (the output of a training script), checking
 * every header field before anything is allocated: the magic string, the version, the header length,
 * the dtype and its byte order, the memory order, and the shape against the file's size (and against
 * the shape the caller needs). Shapes H x W, C x H x W and 1 x C x H x W are taken.
 */
public final class NpyReader {
    /** No prediction LossLab draws is larger: 8 x 4096 x 4096 float64. */
    public static final long MAX_BYTES = 8L * 4096 * 4096 * 8 + 65_536;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile(
            "\\{\\s*(?:'(descr|fortran_order|shape)'\\s*:\\s*([^,()]+|\\([^)]*\\))\\s*,?\\s*){3}\\}\\s*");
    private static final Pattern ENTRY = Pattern.compile("'(descr|fortran_order|shape)'\\s*:\\s*('[^']*'|True|False|\\([^)]*\\))");

    /** An array: its shape as C x H x W and its values, row-major. */
    public record Array(int[] shape, double[] values) {
    }

    /** What the header says: the shape (C x H x W), the element size in bytes, the byte order and where the data start. */
    public record Header(int[] shape, int elementSize, ByteOrder order, int dataStart) {
        public long count() {
            return (long) shape[0] * shape[1] * shape[2];
        }
    }

    private NpyReader() {
    }

    public static Array read(Path file) {
        return read(file, null);
    }

    /** Reads the array, refusing it unless its shape is {@code expected} (C x H x W; null: any) before reading the data. */
    public static Array read(Path file, int[] expected) {
        String name = String.valueOf(file.getFileName());
        long size = SceneFiles.checkReadable(file, MAX_BYTES, "a NumPy array");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes((int) Math.min(size, 65_536 + 12));
            Header header = header(start, size, name);
            if (expected != null && (header.shape()[0] != expected[0] || header.shape()[1] != expected[1]
                    || header.shape()[2] != expected[2])) {
                throw new SceneException(name + ": the array is " + shapeText(header.shape()) + ", the scene needs "
                        + shapeText(expected));
            }
            byte[] data = new byte[(int) (header.count() * header.elementSize())];
            int already = Math.max(0, start.length - header.dataStart());
            System.arraycopy(start, header.dataStart(), data, 0, Math.min(already, data.length));
            if (in.readNBytes(data, already, data.length - already) != data.length - already) {
                throw new SceneException(name + ": the file ended before its data did");
            }
            return new Array(header.shape(), values(data, header, name));
        } catch (IOException e) {
            throw new SceneException(name + ": cannot read (" + SceneFiles.reason(e) + ")");
        }
    }

    /** Parses a whole file held in memory. */
    public static Array parse(byte[] bytes, String name) {
        Header header = header(bytes, bytes.length, name);
        byte[] data = Arrays.copyOfRange(bytes, header.dataStart(), bytes.length);
        return new Array(header.shape(), values(data, header, name));
    }

    /** Checks the header at the start of a file of {@code fileSize} bytes. */
    public static Header header(byte[] start, long fileSize, String name) {
        if (start.length < 10 || !Arrays.equals(start, 0, 6, MAGIC, 0, 6)) {
            throw new SceneException(name + ": not a NumPy .npy file (no \\x93NUMPY magic string)");
        }
        int major = start[6] & 0xFF;
        int minor = start[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new SceneException(name + ": .npy format version " + major + "." + minor + " is not supported (1.0 to 3.0)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(start).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = buffer.getShort(8) & 0xFFFF;
            headerStart = 10;
        } else {
            if (start.length < 12) {
                throw new SceneException(name + ": truncated header");
            }
            headerLength = buffer.getInt(8) & 0xFFFFFFFFL;
            headerStart = 12;
        }
        if (headerLength > 65_536 || headerStart + headerLength > Math.min(start.length, fileSize)) {
            throw new SceneException(name + ": header length " + headerLength + " does not fit the file");
        }
        String text = new String(start, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
        if (!HEADER.matcher(text).matches()) {
            throw new SceneException(name + ": the header is not a dictionary of descr, fortran_order and shape: " + abbreviate(text));
        }
        String descr = null;
        String fortran = null;
        String shape = null;
        Matcher m = ENTRY.matcher(text);
        while (m.find()) {
            switch (m.group(1)) {
                case "descr" -> descr = m.group(2);
                case "fortran_order" -> fortran = m.group(2);
                default -> shape = m.group(2);
            }
        }
        if (descr == null || fortran == null || shape == null) {
            throw new SceneException(name + ": the header lacks descr, fortran_order or shape: " + abbreviate(text));
        }
        Matcher type = Pattern.compile("'([<>=|])f([48])'").matcher(descr);
        if (!type.matches()) {
            throw new SceneException(name + ": dtype " + descr + " is not supported (float32 or float64)");
        }
        ByteOrder order = type.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        if (fortran.equals("True")) {
            throw new SceneException(name + ": Fortran-ordered arrays are not supported; save with np.ascontiguousarray");
        }
        int elementSize = Integer.parseInt(type.group(2));
        int[] dims = shape(shape, name);
        long count = 1;
        for (int d : dims) {
            count *= d; // at most 3 factors below 2^31 each after the checks: no overflow past 2^63
        }
        long dataStart = headerStart + headerLength;
        if (fileSize - dataStart != count * elementSize) {
            throw new SceneException(name + ": the shape " + shapeText(dims) + " needs " + count * elementSize
                    + " bytes of data, the file holds " + (fileSize - dataStart));
        }
        return new Header(dims, elementSize, order, (int) dataStart);
    }

    /** The shape tuple as C x H x W: whole non-negative numbers, H x W padded with C = 1, leading 1s dropped. */
    private static int[] shape(String tuple, String name) {
        String inner = tuple.substring(1, tuple.length() - 1).trim();
        List<Integer> dims = new ArrayList<>();
        for (String part : inner.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (!p.matches("\\d+")) {
                throw new SceneException(name + ": shape " + tuple + " has a dimension that is not a whole number: " + p);
            }
            dims.add(p.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(p)); // beyond any limit below
        }
        while (dims.size() > 3 && dims.get(0) == 1) {
            dims.remove(0);
        }
        if (dims.size() == 2) {
            dims.add(0, 1);
        }
        if (dims.size() != 3) {
            throw new SceneException(name + ": expected shape H x W or C x H x W, got " + tuple);
        }
        if (dims.get(0) < 1 || dims.get(0) > 64 || dims.get(1) < 1 || dims.get(2) < 1 || dims.get(1) > 4096 || dims.get(2) > 4096) {
            throw new SceneException(name + ": shape " + tuple + " is outside 1..64 channels and 1..4096 pixels a side");
        }
        return new int[] {dims.get(0), dims.get(1), dims.get(2)};
    }

    private static double[] values(byte[] data, Header header, String name) {
        ByteBuffer buffer = ByteBuffer.wrap(data).order(header.order());
        double[] values = new double[(int) header.count()];
        for (int i = 0; i < values.length; i++) {
            double v = header.elementSize() == 4 ? buffer.getFloat(4 * i) : buffer.getDouble(8 * i);
            if (!Double.isFinite(v)) {
                throw new SceneException(name + ": value " + i + " is " + v + " (a prediction must be finite)");
            }
            values[i] = v;
        }
        return values;
    }

    static String shapeText(int[] shape) {
        return shape[0] + " x " + shape[1] + " x " + shape[2];
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
