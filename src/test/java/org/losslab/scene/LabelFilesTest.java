package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.losslab.engine.dataset.LabelMap;

/** Every format a case is read from (CONTRACTS_V3 section 1), and each refused one named in one line. */
class LabelFilesTest {
    @TempDir
    Path dir;

    /** An .npy file of this dtype and shape; {@code values} written as the dtype's elements. */
    static Path npy(Path file, String descr, String shape, double... values) throws Exception {
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }\n";
        int size = Integer.parseInt(descr.substring(2));
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + size * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length())
                .put(header.getBytes(StandardCharsets.ISO_8859_1));
        b.order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (descr.substring(1)) {
                case "b1", "u1", "i1" -> b.put((byte) v);
                case "u2", "i2" -> b.putShort((short) v);
                case "i4" -> b.putInt((int) v);
                case "i8" -> b.putLong((long) v);
                case "f4" -> b.putFloat((float) v);
                default -> b.putDouble(v);
            }
        }
        Files.write(file, b.array());
        return file;
    }

    private Path png(String name, BufferedImage image, int... samples) throws Exception {
        image.getRaster().setSamples(0, 0, image.getWidth(), image.getHeight(), 0, samples);
        Path f = dir.resolve(name);
        ImageIO.write(image, "png", f.toFile());
        return f;
    }

    private static int[] labels(Path file) {
        return LabelFiles.read(file, "labels/" + file.getFileName(), 0.5).labels();
    }

    @Test
    void greyPalette16BitAndBinaryPngsGiveTheirValuesOrIndices() throws Exception {
        assertArrayEquals(new int[] {0, 1, 2, 7}, labels(png("a.png", new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), 0, 1, 2, 7)));
        assertArrayEquals(new int[] {0, 300, 2, 65535},
                labels(png("b.png", new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY), 0, 300, 2, 65535)));
        byte[] colours = new byte[256];
        for (int i = 0; i < 256; i++) {
            colours[i] = (byte) (255 - i); // a palette whose colours are not its indices
        }
        IndexColorModel palette = new IndexColorModel(8, 256, colours, colours, colours);
        assertArrayEquals(new int[] {3, 0, 1, 2}, labels(png("c.png", new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_INDEXED, palette), 3, 0, 1, 2)));
        assertArrayEquals(new int[] {1, 0, 0, 1}, labels(png("d.png", new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), 255, 0, 0, 255)),
                "0 and 255 only: a binary mask");
        assertArrayEquals(new int[] {255, 0, 1, 255}, labels(png("e.png", new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), 255, 0, 1, 255)),
                "255 beside other classes stays 255");
        LabelMap map = LabelFiles.read(dir.resolve("a.png"), "labels/a.png", 0.5);
        assertArrayEquals(new int[] {2, 2}, map.shape());
        assertNull(map.spacing());
    }

    @Test
    void aColourPngIsRefusedNamingTheFile() throws Exception {
        BufferedImage rgb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        Path f = dir.resolve("rgb.png");
        ImageIO.write(rgb, "png", f.toFile());
        String message = assertThrows(SceneException.class, () -> labels(f)).getMessage();
        assertTrue(message.startsWith("labels/rgb.png: a colour image is not a label map"), message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"|b1", "<u1", "<u2", "|i1", "<i2", ">i2", "<i4", "<i8", ">i8"})
    void integerAndBoolNpyAreLabelMaps(String descr) throws Exception {
        double[] values = descr.equals("|b1") ? new double[] {0, 1, 1, 0, 0, 1} : new double[] {0, 1, 2, 0, 3, 1};
        Path f = npy(dir.resolve("m.npy"), descr, "(1, 2, 3)", values);
        LabelMap map = LabelFiles.read(f, "predictions/m.npy", 0.5);
        assertArrayEquals(new int[] {2, 3}, map.shape(), "a leading 1 is dropped: a 2-D map");
        for (int i = 0; i < values.length; i++) {
            assertEquals((int) values[i], map.labels()[i]);
        }
        Path volume = npy(dir.resolve("v.npy"), descr, "(2, 1, 3)", values);
        assertArrayEquals(new int[] {2, 1, 3}, LabelFiles.read(volume, "v.npy", 0.5).shape());
    }

    @Test
    void probabilitiesGiveTheirArgmaxFirstOnTiesOrTheThreshold() throws Exception {
        // 3 classes x 1 x 4 pixels: pixel 0 ties all (class 0), pixel 1 ties classes 1 and 2 (class 1)
        Path f = npy(dir.resolve("p.npy"), "<f4", "(3, 1, 4)", 0.2, 0.1, 0.7, 0.1, 0.2, 0.45, 0.2, 0.1, 0.2, 0.45, 0.1, 0.8);
        assertArrayEquals(new int[] {0, 1, 0, 2}, LabelFiles.read(f, "p.npy", 0.5).labels());
        Path single = npy(dir.resolve("s.npy"), "<f8", "(1, 2, 2)", 0.49999, 0.5, 0.9, 0);
        assertArrayEquals(new int[] {0, 1, 1, 0}, LabelFiles.read(single, "s.npy", 0.5).labels());
        assertArrayEquals(new int[] {0, 0, 1, 0}, LabelFiles.read(single, "s.npy", 0.6).labels());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "<i4|(2, 2)|-1,0,0,0|predictions/bad.npy: label -1 at element 0",
        "<f4|(2, 2)|NaN,0,0,0|predictions/bad.npy: value 0 is NaN",
        "<c8|(2, 2)|0,0,0,0|predictions/bad.npy: dtype '<c8' is not supported",
        "<u1|(4,)|0,0,0,0|predictions/bad.npy: expected a label map H x W",
        "<u1|(3, 3)|0,0,0,0|predictions/bad.npy: the shape 3 x 3 needs 9 bytes",
        "<u1|(100000, 100000)|0|predictions/bad.npy: shape (100000, 100000) is outside",
    })
    void aBrokenNpyIsNamedWithWhatIsWrong(String descr, String shape, String values, String message) throws Exception {
        String[] parts = values.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        Path f = npy(dir.resolve("bad.npy"), descr.equals("<c8") ? "<f8" : descr, shape, v);
        if (descr.equals("<c8")) {
            byte[] bytes = Files.readAllBytes(f);
            String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("<f8", "<c8");
            Files.write(f, text.getBytes(StandardCharsets.ISO_8859_1));
        }
        String got = assertThrows(SceneException.class, () -> LabelFiles.read(f, "predictions/bad.npy", 0.5)).getMessage();
        assertTrue(got.startsWith(message), got);
    }

    @Test
    void extensionsAndStems() {
        assertEquals(".png", LabelFiles.extension("case_1.PNG"));
        assertEquals("case_1", LabelFiles.stem("case_1.npy"));
        assertNull(LabelFiles.extension("notes.txt"));
        assertNull(LabelFiles.extension(".png"));
    }
}
