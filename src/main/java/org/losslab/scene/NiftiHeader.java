package org.losslab.scene;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a NIfTI-1 header a label map needs, checked one by one with an error naming the field,
 * and the decoding of its voxels into class indices.
 */
final class NiftiHeader {
    /** The datatypes a label map is stored in: NIfTI code, bytes per voxel, name. */
    enum DataType {
        UINT8(2, 1), INT16(4, 2), INT32(8, 4), FLOAT32(16, 4), FLOAT64(64, 8), INT8(256, 1), UINT16(512, 2),
        UINT32(768, 4), INT64(1024, 8);

        private final int code;
        private final int bytes;

        DataType(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        int bytes() {
            return bytes;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean floating() {
            return this == FLOAT32 || this == FLOAT64;
        }
    }

    private static final Map<Integer, String> UNSUPPORTED = Map.of(1, "binary (1 bit)", 32, "complex64",
            128, "rgb24", 1280, "uint64", 1536, "float128", 1792, "complex128", 2048, "complex256", 2304, "rgba32");

    private final ByteOrder order;
    private final int[] dims;
    private final double[] pixdim;
    private final DataType type;
    private final long offset;
    private final double slope;
    private final double inter;
    private final boolean scaled;
    private final NiftiAffine affine;

    private NiftiHeader(ByteOrder order, int[] dims, double[] pixdim, DataType type, long offset, double slope,
            double inter, NiftiAffine affine) {
        this.order = order;
        this.dims = dims;
        this.pixdim = pixdim;
        this.type = type;
        this.offset = offset;
        this.slope = slope;
        this.inter = inter;
        this.scaled = !(slope == 1 && inter == 0);
        this.affine = affine;
    }

    /** Checks the 348 bytes of a header (fewer: a truncated file). */
    static NiftiHeader parse(byte[] bytes, String name) {
        if (bytes.length < 348) {
            throw new SceneException(name + ": truncated: " + bytes.length + " bytes, a NIfTI-1 header alone has 348");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (header.getInt(0) != 348) {
            header.order(ByteOrder.BIG_ENDIAN);
        }
        int sizeofHdr = header.getInt(0);
        if (sizeofHdr != 348) {
            int little = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
            throw new SceneException(name + (little == 540 || sizeofHdr == 540
                    ? ": a NIfTI-2 file (sizeof_hdr 540); only NIfTI-1 is read"
                    : ": not a NIfTI-1 file (sizeof_hdr is " + little + ", not 348 in either byte order)"));
        }
        checkMagic(bytes, name);
        int[] dims = dims(header, name);
        DataType type = dataType(header.getShort(70), name);
        // a header holds the spacing as float32 (0.8 mm is stored as 0.800000011920929); the spacing meant is
        // the decimal the float32 stands for, its shortest form (0.8), as the gold v3 sample's numbers use it
        double[] pixdim = new double[dims.length];
        for (int a = 0; a < dims.length; a++) {
            pixdim[a] = Double.parseDouble(Float.toString(Math.abs(header.getFloat(76 + 4 * (a + 1)))));
        }
        float voxOffset = header.getFloat(108);
        if (!Float.isFinite(voxOffset) || voxOffset < 0) {
            throw new SceneException(name + ": vox_offset " + voxOffset + " is not a position in the file");
        }
        // nibabel: int(vox_offset), and a single file's data never start inside the header and its extension flag
        long offset = Math.max(352, (long) voxOffset);
        double slope = header.getFloat(112);
        double inter = header.getFloat(116);
        if (slope == 0 || !Double.isFinite(slope)) {
            slope = 1;
            inter = 0;
        } else if (!Double.isFinite(inter)) {
            throw new SceneException(name + ": scl_inter is " + inter + " with scl_slope " + slope);
        }
        return new NiftiHeader(header.order(), dims, pixdim, type, offset, slope, inter, NiftiAffine.read(header));
    }

    private static void checkMagic(byte[] bytes, String name) {
        String magic = new String(bytes, 344, 4, StandardCharsets.ISO_8859_1);
        if (magic.equals("n+1\0")) {
            return;
        }
        if (magic.equals("ni1\0")) {
            throw new SceneException(name + ": the header of a .hdr/.img pair (magic \"ni1\"); only single-file .nii"
                    + " and .nii.gz are read");
        }
        StringBuilder shown = new StringBuilder();
        for (char c : magic.toCharArray()) {
            shown.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        throw new SceneException(name + ": bad magic \"" + shown + "\" at byte 344, expected \"n+1\"");
    }

    /** nx, ny[, nz]; a 4th (or later) dimension is accepted only with size 1. */
    private static int[] dims(ByteBuffer header, String name) {
        int rank = header.getShort(40);
        if (rank < 2 || rank > 7) {
            throw new SceneException(name + ": dim[0] = " + rank + ", expected 2 or 3 (a 2-D or 3-D image)");
        }
        for (int a = 1; a <= rank; a++) {
            int length = header.getShort(40 + 2 * a);
            if (length < 1) {
                throw new SceneException(name + ": dim[" + a + "] = " + length + ", a dimension has at least one voxel");
            }
            if (a >= 4 && length != 1) {
                throw new SceneException(name + (a == 4 ? ": a 4-D image with " + length + " frames (dim[4])"
                        : ": dim[" + a + "] = " + length) + "; only a single 2-D or 3-D label map is read");
            }
        }
        int[] dims = new int[Math.min(rank, 3)];
        long voxels = 1;
        for (int a = 0; a < dims.length; a++) {
            dims[a] = header.getShort(42 + 2 * a);
            voxels *= dims[a];
        }
        if (voxels > NiftiReader.MAX_VOXELS) {
            throw new SceneException(name + ": dimensions " + join(dims) + " make " + voxels + " voxels, more than the "
                    + NiftiReader.MAX_VOXELS + " LossLab reads");
        }
        return dims;
    }

    private static DataType dataType(int code, String name) {
        for (DataType type : DataType.values()) {
            if (type.code == code) {
                return type;
            }
        }
        String known = UNSUPPORTED.get(code);
        throw new SceneException(name + ": datatype " + code + (known == null ? "" : " (" + known + ")")
                + " is not supported; a label map is uint8, int8, int16, uint16, int32, uint32, int64, float32 or float64");
    }

    ByteOrder order() {
        return order;
    }

    /** The voxel-to-world affine, or why there is none. */
    NiftiAffine affine() {
        return affine;
    }

    DataType type() {
        return type;
    }

    long offset() {
        return offset;
    }

    long voxels() {
        long voxels = 1;
        for (int d : dims) {
            voxels *= d;
        }
        return voxels;
    }

    /** C order: {nz, ny, nx} or {ny, nx}. */
    int[] shape() {
        int[] shape = new int[dims.length];
        for (int a = 0; a < dims.length; a++) {
            shape[a] = dims[dims.length - 1 - a];
        }
        return shape;
    }

    /** |pixdim| in the order of {@link #shape()}. */
    double[] spacing() {
        double[] spacing = new double[dims.length];
        for (int a = 0; a < dims.length; a++) {
            spacing[a] = pixdim[dims.length - 1 - a];
        }
        return spacing;
    }

    /** "dimensions 64 x 64 x 30 of int16", for messages. */
    String describe() {
        return "dimensions " + join(dims) + " of " + type.label();
    }

    /**
     * Decodes {@code count} voxels from the start of {@code data} into labels[at..], scaled as nibabel
     * (raw * slope + inter in float64), refusing a value that is not an integer of int's range.
     */
    void decode(ByteBuffer data, int count, int[] labels, int at, String name) {
        if (!scaled && decodeDirect(data, count, labels, at)) {
            return;
        }
        for (int n = 0; n < count; n++) {
            double value;
            long whole;
            switch (type) {
                case UINT8 -> whole = data.get(n) & 0xff;
                case INT8 -> whole = data.get(n);
                case INT16 -> whole = data.getShort(2 * n);
                case UINT16 -> whole = data.getShort(2 * n) & 0xffff;
                case INT32 -> whole = data.getInt(4 * n);
                case UINT32 -> whole = data.getInt(4 * n) & 0xffffffffL;
                case INT64 -> whole = data.getLong(8 * n);
                default -> whole = Long.MIN_VALUE;
            }
            if (type == DataType.FLOAT32 || type == DataType.FLOAT64) {
                value = type == DataType.FLOAT32 ? data.getFloat(4 * n) : data.getDouble(8 * n);
            } else if (!scaled && whole == (int) whole) {
                labels[at + n] = (int) whole;
                continue;
            } else {
                value = whole;
            }
            if (scaled) {
                value = value * slope + inter;
            }
            if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new SceneException(name + ": voxel " + voxel(at + n) + " holds " + value
                        + (scaled ? " (after scl_slope " + slope + ", scl_inter " + inter + ")" : "")
                        + (value == Math.rint(value) ? ", beyond the class indices LossLab reads"
                        : ", not a class index (a label map holds integers)" + (value > 0 && value < 1
                        ? "; a NIfTI file is read as a label map only (CONTRACTS_V3 section 1), not as"
                        + " probabilities: save thresholded labels" : "")));
            }
            labels[at + n] = (int) value;
        }
    }

    /**
     * The unscaled types whose every value is a class index, in one tight loop each (label maps are
     * nearly always uint8 or int16, and a short-lived process reads them before the JIT has warmed up);
     * false for the others.
     */
    private boolean decodeDirect(ByteBuffer data, int count, int[] labels, int at) {
        switch (type) {
            case UINT8 -> {
                byte[] bytes = data.array();
                for (int n = 0; n < count; n++) {
                    labels[at + n] = bytes[n] & 0xff;
                }
            }
            case INT8 -> {
                byte[] bytes = data.array();
                for (int n = 0; n < count; n++) {
                    labels[at + n] = bytes[n];
                }
            }
            case INT16 -> {
                for (int n = 0; n < count; n++) {
                    labels[at + n] = data.getShort(2 * n);
                }
            }
            case UINT16 -> {
                for (int n = 0; n < count; n++) {
                    labels[at + n] = data.getShort(2 * n) & 0xffff;
                }
            }
            case INT32 -> data.asIntBuffer().get(labels, at, count);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Value n of a float32/float64 chunk after scl_slope/scl_inter, in float64. */
    double floatValue(ByteBuffer data, int n) {
        double value = type == DataType.FLOAT32 ? data.getFloat(4 * n) : data.getDouble(8 * n);
        return scaled ? value * slope + inter : value;
    }

    /** Voxel {@code index} (C order) as the header's (i, j, k), for messages. */
    String voxel(int index) {
        StringBuilder at = new StringBuilder("(");
        for (int a = 0; a < dims.length; a++) {
            at.append(a == 0 ? "" : ", ").append(index % dims[a]);
            index /= dims[a];
        }
        return at.append(')').toString();
    }

    private static String join(int[] dims) {
        StringBuilder out = new StringBuilder();
        for (int d : dims) {
            out.append(out.length() == 0 ? "" : " x ").append(d);
        }
        return out.toString();
    }
}
