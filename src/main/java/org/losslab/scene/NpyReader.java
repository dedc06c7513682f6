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
    private static final Pattern DTYPE = Pattern.compile("'([<>=|])([a-z])([0-9]{1,2})'");
    private static final List<String> FLOATS = List.of("f4", "f8");
    private static final List<String> LABEL_DTYPES = List.of("b1", "u1", "u2", "i1", "i2", "i4", "i8", "f4", "f8");
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

    /**
     * What a header says in general: the dtype's kind ('b', 'u', 'i' or 'f'), element size and byte order,
     * the shape as the reader's rule took it, and where the data start.
     */
    record Layout(char kind, int elementSize, ByteOrder order, int[] shape, int dataStart) {
        long count() {
            long count = 1;
            for (int d : shape) {
                count *= d;
            }
            return count;
        }
    }

    /** Which shapes a reader takes: the dimensions as written (a modifiable list) to the shape it keeps, or an error. */
    interface ShapeRule {
        int[] take(List<Integer> dims, String written);
    }

    private NpyReader() {
    }

    public static Array read(Path file) {
        return read(file, null);
    }

    /** Reads the array, refusing it unless its shape is {@code expected} (C x H x W; null: any) before reading the data. */
    public static Array read(Path file, int[] expected) {
        String name = String.valueOf(file.getFileName());
        Raw raw = readRaw(file, true, (dims, written) -> {
            int[] shape = channelsHeightWidth(dims, written, name);
            if (expected != null && !Arrays.equals(shape, expected)) {
                throw new SceneException(name + ": the array is " + shapeText(shape) + ", the scene needs " + shapeText(expected));
            }
            return shape;
        });
        Layout layout = raw.layout();
        return new Array(layout.shape(), values(raw.data(), new Header(layout.shape(), layout.elementSize(), layout.order(),
                layout.dataStart()), name));
    }

    /** A file's checked header and its data, in the file's byte order. */
    record Raw(Layout layout, ByteBuffer data) {
    }

    /**
     * Reads a file whose header passes {@link #layout}'s checks with these rules; nothing beyond the header is
     * allocated before the shape is taken and matches the file's size.
     */
    static Raw readRaw(Path file, boolean floatsOnly, ShapeRule shapeRule) {
        String name = String.valueOf(file.getFileName());
        long size = SceneFiles.checkReadable(file, MAX_BYTES, "a NumPy array");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes((int) Math.min(size, 65_536 + 12));
            Layout layout = layout(start, size, name, floatsOnly, shapeRule);
            byte[] data = new byte[(int) (layout.count() * layout.elementSize())];
            int already = Math.max(0, start.length - layout.dataStart());
            System.arraycopy(start, layout.dataStart(), data, 0, Math.min(already, data.length));
            if (in.readNBytes(data, already, data.length - already) != data.length - already) {
                throw new SceneException(name + ": the file ended before its data did");
            }
            return new Raw(layout, ByteBuffer.wrap(data).order(layout.order()));
        } catch (IOException e) {
            throw new SceneException(name + ": cannot read (" + SceneFiles.reason(e) + ")");
        }
    }

    /** Parses a whole file held in memory. */
    public static Array parse(byte[] bytes, String name) {
        Header header = header(bytes, bytes.length, name);
        byte[] data = Arrays.copyOfRange(bytes, header.dataStart(), bytes.length);
        return new Array(header.shape(), values(ByteBuffer.wrap(data).order(header.order()), header, name));
    }

    /** Checks the header at the start of a file of {@code fileSize} bytes (float32 or float64, C x H x W). */
    public static Header header(byte[] start, long fileSize, String name) {
        Layout layout = layout(start, fileSize, name, true, (dims, written) -> channelsHeightWidth(dims, written, name));
        return new Header(layout.shape(), layout.elementSize(), layout.order(), layout.dataStart());
    }

    /**
     * What a header says, checked against the file: the dtype's kind ('b' bool, 'u' unsigned, 'i' signed,
     * 'f' float), its size and byte order, the shape as {@code shapeRule} takes the dimensions written (it
     * refuses a shape it does not take, before the data's size is compared with the file's) and where the data
     * start. {@code floatsOnly}: refuse every dtype but float32 and float64.
     */
    static Layout layout(byte[] start, long fileSize, String name, boolean floatsOnly, ShapeRule shapeRule) {
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
        Matcher type = DTYPE.matcher(descr);
        if (!type.matches() || !(floatsOnly ? FLOATS : LABEL_DTYPES).contains(type.group(2) + type.group(3))) {
            throw new SceneException(name + ": dtype " + descr + " is not supported ("
                    + (floatsOnly ? "float32 or float64" : "bool, uint8, uint16, int8, int16, int32, int64, float32 or float64") + ")");
        }
        ByteOrder order = type.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        if (fortran.equals("True")) {
            throw new SceneException(name + ": Fortran-ordered arrays are not supported; save with np.ascontiguousarray");
        }
        char kind = type.group(2).charAt(0); // b, u, i or f
        int elementSize = Integer.parseInt(type.group(3));
        int[] dims = shapeRule.take(dimensions(shape, name), shape);
        long count = 1;
        for (int d : dims) {
            count *= d; // the rules keep every shape below 2^40 elements: no overflow
        }
        long dataStart = headerStart + headerLength;
        if (fileSize - dataStart != count * elementSize) {
            throw new SceneException(name + ": the shape " + shapeText(dims) + " needs " + count * elementSize
                    + " bytes of data, the file holds " + (fileSize - dataStart));
        }
        return new Layout(kind, elementSize, order, dims, (int) dataStart);
    }

    /** The dimensions of a shape tuple as written: whole non-negative numbers (beyond 9 digits: Integer.MAX_VALUE). */
    private static List<Integer> dimensions(String tuple, String name) {
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
        return dims;
    }

    /** The shape as C x H x W: H x W padded with C = 1, leading 1s dropped, within 64 channels of 4096 x 4096. */
    private static int[] channelsHeightWidth(List<Integer> dims, String tuple, String name) {
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

    private static double[] values(ByteBuffer buffer, Header header, String name) {
        double[] values = new double[(int) header.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = finiteValue(buffer, i, header.elementSize(), name);
        }
        return values;
    }

    /** Element {@code i} of float32 or float64 data, refused unless finite. */
    static double finiteValue(ByteBuffer buffer, int i, int elementSize, String name) {
        double v = elementSize == 4 ? buffer.getFloat(4 * i) : buffer.getDouble(8 * i);
        if (!Double.isFinite(v)) {
            throw new SceneException(name + ": value " + i + " is " + v + " (a prediction must be finite)");
        }
        return v;
    }

    static String shapeText(int[] shape) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            text.append(i > 0 ? " x " : "").append(shape[i]);
        }
        return text.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
