package org.losslab.scene;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a NIfTI-1 label map ({@code .nii}, or {@code .nii.gz} through gzip, recognised by its first bytes)
 * as CONTRACTS_V3 section 1 and nibabel read it: the 348-byte header in either byte order (told by
 * {@code sizeof_hdr}), 2-D or 3-D (a 4th dimension of size 1 accepted), the integer and float datatypes
 * a label map is stored in, the data at {@code vox_offset} (352 when the header says less), and
 * {@code scl_slope}/{@code scl_inter} applied as nibabel does (when the slope is finite and not 0). Every
 * voxel must then hold an integer.
 *
 * <p>Memory stays bounded whatever the header claims: a {@code .nii} is checked against the file's size
 * before its voxels are allocated, and a {@code .nii.gz}, whose size is known only once inflated, fills a
 * buffer that grows with the data that really arrive.
 */
public final class NiftiReader {
    /** 1 Gi voxels (a 4 GB label array): more is refused before anything is allocated. */
    public static final long MAX_VOXELS = 1L << 30;
    /** The largest file read, compressed or not (an int64 volume of MAX_VOXELS is 8 GB). */
    public static final long MAX_FILE_BYTES = 8L << 30;
    private static final int HEADER_BYTES = 348;
    private static final int FIRST_DATA_BYTE = 352;
    private static final int CHUNK_BYTES = 1 << 20;

    /**
     * A label volume, or a prediction read as probabilities. The voxels are in the file's order, i fastest (x, then
     * y, then z), which is C order over {@code shape} = {nz, ny, nx} ({ny, nx} for a 2-D image): voxel (i, j, k) of
     * the header is {@code labels[(k * ny + j) * nx + i]}.
     *
     * @param shape         {nz, ny, nx} or {ny, nx}: the header's dim[3..1], slowest axis first
     * @param spacing       mm per axis in the same order as {@code shape}: |pixdim[3]|, |pixdim[2]|, |pixdim[1]|,
     *                      each the decimal its float32 stands for (0.8, not 0.800000011920929); as written, so 0 or
     *                      NaN in a broken header (see {@link #spacingProblem()})
     * @param labels        the voxel values after scaling, all integers; null when read as probabilities
     * @param probabilities the values of a float prediction in [0, 1] that are not all integers (only from
     *                      {@link #readPrediction}), else null
     * @param affine        the voxel-to-world affine (the view's orientation), or why the header has none
     */
    public record Volume(int[] shape, double[] spacing, int[] labels, float[] probabilities, NiftiAffine affine) {
        /** The spacing in the header's own order (x, y[, z]) = |pixdim[1..]|, as nibabel's zooms. */
        public double[] headerSpacing() {
            double[] out = new double[spacing.length];
            for (int a = 0; a < spacing.length; a++) {
                out[a] = spacing[spacing.length - 1 - a];
            }
            return out;
        }

        /** Null when every spacing is a finite positive size in mm, else what is wrong (for a caller without --spacing). */
        public String spacingProblem() {
            double[] header = headerSpacing();
            for (int a = 0; a < header.length; a++) {
                if (!(header[a] > 0) || Double.isInfinite(header[a])) {
                    return "pixdim[" + (a + 1) + "] = " + header[a] + " is not a voxel size in mm";
                }
            }
            return null;
        }
    }

    private NiftiReader() {
    }

    /** Reads a label map (every voxel an integer, as CONTRACTS_V3 section 1 asks); one-line errors name the file. */
    public static Volume read(Path file) {
        return read(file, false);
    }

    /**
     * Reads a prediction for the volume view: a label map, or, for a float32/float64 file whose values are not all
     * integers, probabilities of class 1 (every value in [0, 1], no NaN; anything else is refused in one line).
     */
    public static Volume readPrediction(Path file) {
        return read(file, true);
    }

    private static Volume read(Path file, boolean soft) {
        String name = file.toString();
        long size = SceneFiles.checkReadable(file, MAX_FILE_BYTES, "a NIfTI image");
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            boolean gzip = first == 0x1f && second == 0x8b;
            if (!gzip) {
                return read(raw, size, name, soft);
            }
            try (InputStream inflated = new GZIPInputStream(raw, 1 << 16)) {
                return read(inflated, -1, name, soft);
            } catch (EOFException e) {
                throw new SceneException(name + ": truncated: the gzip stream ends before the image does");
            } catch (ZipException e) {
                throw new SceneException(name + ": not a valid gzip stream (" + e.getMessage() + ")");
            }
        } catch (IOException e) {
            throw new SceneException(name + ": cannot read (" + SceneFiles.reason(e) + ")");
        }
    }

    /** Reads a gzip-compressed NIfTI from a stream (a bundled resource); errors name it as {@code name}. */
    public static Volume readGzip(InputStream compressed, String name) {
        try (InputStream inflated = new GZIPInputStream(compressed, 1 << 16)) {
            return read(inflated, -1, name, false);
        } catch (IOException e) {
            throw new SceneException(name + ": cannot read (" + SceneFiles.reason(e) + ")");
        }
    }

    /** Reads header and data from a stream; {@code size} is the stream's length when known (a plain file), else -1. */
    private static Volume read(InputStream in, long size, String name, boolean soft) throws IOException {
        byte[] headerBytes = in.readNBytes(HEADER_BYTES);
        NiftiHeader header = NiftiHeader.parse(headerBytes, name);
        long dataBytes = header.voxels() * header.type().bytes();
        if (size >= 0 && size - header.offset() < dataBytes) {
            throw new SceneException(name + ": " + header.describe() + " need " + dataBytes + " bytes of voxels from byte "
                    + header.offset() + ", the file has " + Math.max(0, size - header.offset())
                    + " (truncated, or dimensions that do not match the data)");
        }
        long skip = header.offset() - HEADER_BYTES;
        if (skip > 0) {
            skipFully(in, skip, header, name);
        }
        int first = (int) (size >= 0 ? header.voxels() : Math.min(header.voxels(), 1 << 20));
        NiftiValues values = soft && header.type().floating() ? new NiftiValues.Floats(header, name, first)
                : new NiftiValues.Labels(header, name, first);
        byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, dataBytes)];
        ByteBuffer view = ByteBuffer.wrap(chunk).order(header.order());
        int elementBytes = header.type().bytes();
        long done = 0;
        while (done < header.voxels()) {
            int count = (int) Math.min(chunk.length / elementBytes, header.voxels() - done);
            int got = in.readNBytes(chunk, 0, count * elementBytes);
            if (got < count * elementBytes) {
                throw new SceneException(name + ": " + header.describe() + " need " + dataBytes + " bytes of voxels from byte "
                        + header.offset() + ", the " + (size >= 0 ? "file" : "inflated stream") + " holds "
                        + (done * elementBytes + got) + " (truncated, or dimensions that do not match the data)");
            }
            values.ensure((int) Math.min(header.voxels(), done + count));
            values.decode(view, count, (int) done);
            done += count;
        }
        return values.volume();
    }

    private static void skipFully(InputStream in, long skip, NiftiHeader header, String name) throws IOException {
        try {
            in.skipNBytes(skip);
        } catch (EOFException e) {
            throw new SceneException(name + ": truncated: the data start at byte " + header.offset() + " (vox_offset),"
                    + " after the end of the file");
        }
    }
}
