package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of {@code src/test/resources/nifti} were written by nibabel 5.0 ({@code make_nifti.py} there: every
 * datatype in both byte orders, plain and gzip, 2-D, a 4th dimension of 1, scaling, an extension, negative
 * pixdims) and {@code expected.json} holds what nibabel read back from each. Hostile files are made here.
 */
class NiftiReaderTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NiftiReaderTest.class.getResource("/nifti/" + name).toURI());
    }

    @Test
    void everyFileReadsAsNibabelReadsIt() throws Exception {
        JsonNode files;
        try (InputStream in = getClass().getResourceAsStream("/nifti/expected.json")) {
            files = new ObjectMapper().readTree(in).get("files");
        }
        assertTrue(files.size() >= 45);
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode nibabel = entry.getValue();
            Path file = resource(name);
            if (nibabel.has("written")) {
                // vox_offset below 352: the contract reads the data at 352 (nibabel 5 reads 0 from byte 0, refuses 1..351)
                assertArrayEquals(ints(nibabel.get("written")), NiftiReader.read(file).labels(), name);
                continue;
            }
            if (nibabel.get("values").isNull()) {
                SceneException e = assertThrows(SceneException.class, () -> NiftiReader.read(file), name);
                assertTrue(e.getMessage().startsWith(file.toString() + ": voxel ("), e.getMessage());
                assertTrue(e.getMessage().contains("not a class index"), e.getMessage());
                continue;
            }
            NiftiReader.Volume volume = NiftiReader.read(file);
            int[] nibabelShape = ints(nibabel.get("shape"));
            int rank = nibabelShape.length == 4 ? 3 : nibabelShape.length; // (x, y, z, 1): the 4th of size 1 dropped
            int[] reversed = new int[rank];
            double[] zooms = new double[rank];
            for (int a = 0; a < rank; a++) {
                reversed[a] = nibabelShape[rank - 1 - a];
                // nibabel's zooms are the header's float32; the reader gives the decimal it stands for (0.8, not 0.800000011920929)
                zooms[a] = Double.parseDouble(Float.toString((float) nibabel.get("zooms").get(a).asDouble()));
            }
            assertArrayEquals(reversed, volume.shape(), name);
            assertArrayEquals(zooms, volume.headerSpacing(), 0.0, name);
            double[] cOrder = volume.spacing();
            for (int a = 0; a < rank; a++) {
                assertEquals(zooms[rank - 1 - a], cOrder[a], 0.0, name);
            }
            assertArrayEquals(ints(nibabel.get("values")), volume.labels(), name);
            assertNull(volume.spacingProblem());
        }
    }

    @Test
    void shapeIsCOrderOfTheFilesIFastestVoxels() throws Exception {
        NiftiReader.Volume volume = NiftiReader.read(resource("i4_be.nii"));
        assertArrayEquals(new int[] {3, 4, 5}, volume.shape());
        assertEquals(-3, volume.labels()[0], "voxel (0, 0, 0)");
        assertEquals(40000, volume.labels()[(2 * 4 + 3) * 5 + 4], "voxel (4, 3, 2)");
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    // --- hostile files, made from a valid little-endian uint8 5 x 4 x 3 file

    private byte[] valid() throws Exception {
        return Files.readAllBytes(resource("u1_le.nii"));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static ByteBuffer little(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private String error(Path file) {
        String message = assertThrows(SceneException.class, () -> NiftiReader.read(file)).getMessage();
        assertTrue(message.startsWith(file + ": "), message);
        assertTrue(!message.contains("\n"), message);
        return message;
    }

    @Test
    void aTruncatedHeaderOrDataIsNamed() throws Exception {
        byte[] bytes = valid();
        assertTrue(error(write("short.nii", Arrays.copyOf(bytes, 200))).contains("truncated: 200 bytes"));
        assertTrue(error(write("empty.nii", new byte[0])).contains("truncated: 0 bytes"));
        String data = error(write("cut.nii", Arrays.copyOf(bytes, bytes.length - 7)));
        assertTrue(data.contains("dimensions 5 x 4 x 3 of uint8 need 60 bytes of voxels from byte 352, the file has 53"), data);
        String gz = error(write("cut.nii.gz", gzip(Arrays.copyOf(bytes, bytes.length - 7))));
        assertTrue(gz.contains("the inflated stream holds 53"), gz);
        byte[] compressed = gzip(bytes);
        String stream = error(write("cutstream.nii.gz", Arrays.copyOf(compressed, compressed.length - 12)));
        assertTrue(stream.contains("truncated"), stream);
    }

    @Test
    void badMagicAndOtherFormatsAreNamed() throws Exception {
        byte[] bytes = valid();
        bytes[345] = 'x';
        assertTrue(error(write("magic.nii", bytes)).contains("bad magic \"nx1\\x00\" at byte 344"));
        byte[] pair = valid();
        pair[345] = 'i';
        assertTrue(error(write("pair.nii", pair)).contains(".hdr/.img pair"));
        byte[] two = valid();
        little(two).putInt(0, 540);
        assertTrue(error(write("two.nii", two)).contains("NIfTI-2"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        assertTrue(error(write("image.nii", Arrays.copyOf(png, 400))).contains("not a NIfTI-1 file"));
        String notGzip = error(write("bad.nii.gz", new byte[] {0x1f, (byte) 0x8b, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}));
        assertTrue(notGzip.contains("gzip"), notGzip);
    }

    @Test
    void aFourDImageWithFramesIsRefusedAndOneFrameAccepted() throws Exception {
        byte[] frames = valid();
        little(frames).putShort(40, (short) 4).putShort(48, (short) 2);
        assertTrue(error(write("frames.nii", frames)).contains("a 4-D image with 2 frames (dim[4])"));
        byte[] one = valid();
        little(one).putShort(40, (short) 4).putShort(48, (short) 1);
        assertArrayEquals(new int[] {3, 4, 5}, NiftiReader.read(write("one.nii", one)).shape());
        byte[] flat = valid();
        little(flat).putShort(40, (short) 1);
        assertTrue(error(write("line.nii", flat)).contains("dim[0] = 1, expected 2 or 3"));
        byte[] negative = valid();
        little(negative).putShort(44, (short) -4);
        assertTrue(error(write("negative.nii", negative)).contains("dim[2] = -4"));
    }

    @Test
    void unsupportedDatatypesAreNamed() throws Exception {
        byte[] bytes = valid();
        little(bytes).putShort(70, (short) 128);
        assertTrue(error(write("rgb.nii", bytes)).contains("datatype 128 (rgb24) is not supported"));
        little(bytes).putShort(70, (short) 1280);
        assertTrue(error(write("u64.nii", bytes)).contains("datatype 1280 (uint64)"));
        little(bytes).putShort(70, (short) 77);
        assertTrue(error(write("odd.nii", bytes)).contains("datatype 77 is not supported"));
    }

    @Test
    void dimensionsThatDoNotMatchTheDataAreRefusedBeforeAllocating() throws Exception {
        byte[] bytes = valid();
        little(bytes).putShort(46, (short) 4); // nz 3 -> 4: 80 bytes claimed, 60 present
        assertTrue(error(write("dims.nii", bytes)).contains("dimensions 5 x 4 x 4 of uint8 need 80 bytes"));
        assertTrue(error(write("dims.nii.gz", gzip(bytes))).contains("the inflated stream holds 60"));
        // 1024^3 voxels of float64 (8 GB) claimed by a 412-byte file, plain and gzip: an error, not an allocation
        byte[] huge = valid();
        little(huge).putShort(42, (short) 1024).putShort(44, (short) 1024).putShort(46, (short) 1023)
                .putShort(70, (short) 64);
        assertTrue(error(write("huge.nii", huge)).contains("need 8581545984 bytes of voxels"));
        assertTrue(error(write("huge.nii.gz", gzip(huge))).contains("the inflated stream holds 60"));
        byte[] tooMany = valid();
        little(tooMany).putShort(42, (short) 32767).putShort(44, (short) 32767).putShort(46, (short) 32767);
        assertTrue(error(write("many.nii.gz", gzip(tooMany))).contains("more than the 1073741824 LossLab reads"));
        byte[] offset = valid();
        little(offset).putFloat(108, 1e12f);
        assertTrue(error(write("offset.nii", offset)).contains("the file has 0"));
        assertTrue(error(write("offset.nii.gz", gzip(offset))).contains("after the end of the file"));
    }

    @Test
    void aMissingFileOrAFolderIsNamed() {
        assertTrue(error(dir.resolve("nothing.nii")).contains("no such file"));
        assertTrue(error(dir).contains("is a folder"));
    }

    @Test
    void aZeroPixdimIsReportedForTheCallerToRefuse() throws Exception {
        byte[] bytes = valid();
        little(bytes).putFloat(84, 0f);
        NiftiReader.Volume volume = NiftiReader.read(write("zero.nii", bytes));
        assertEquals("pixdim[2] = 0.0 is not a voxel size in mm", volume.spacingProblem());
    }
}
