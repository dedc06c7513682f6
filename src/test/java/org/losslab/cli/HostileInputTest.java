package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.losslab.engine.EngineException;
import org.losslab.scene.MaskImport;
import org.losslab.scene.NpyReader;
import org.losslab.scene.SceneException;

/**
 * Every input LossLab reads, attacked: each is refused with one clear line (exit 1 for bad input, 2 for
 * bad options), never a stack trace, never a hang, never an allocation the file did not justify.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    /** An .npy file with this header text and {@code dataBytes} zero bytes of data. */
    private Path npy(String header, int dataBytes) throws Exception {
        byte[] text = header.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + text.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) text.length).put(text);
        Path f = dir.resolve("a.npy");
        Files.write(f, b.array());
        return f;
    }

    private static String header(String descr, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "(-2, -2)|0|not a whole number",
        "(16L, 16)|0|not a whole number",
        "(0, 16)|0|outside",
        "(4294967296, 4294967296)|0|outside",
        "(2000000000, 2000000000)|0|outside",
        "(1, 2, 3, 4, 5)|0|expected shape",
        "(4, 4)|10|needs 128 bytes",
        "(4, 4)|200|needs 128 bytes",
    })
    void aNpyHeaderThatLiesIsRefusedBeforeAllocating(String shape, int data, String message) throws Exception {
        Path f = npy(header("<f8", shape), data);
        SceneException e = assertThrows(SceneException.class, () -> NpyReader.read(f));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void badMagicVersionHeaderLengthDtypeAndOrderAreEachNamed() throws Exception {
        Path f = dir.resolve("b.npy");
        Files.write(f, "not numpy at all".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(SceneException.class, () -> NpyReader.read(f)).getMessage().contains("magic"));
        byte[] negative = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0};
        Files.write(f, negative);
        assertTrue(assertThrows(SceneException.class, () -> NpyReader.read(f)).getMessage().contains("header length"));
        byte[] version = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 9, 0, 0, 0, 0, 0};
        Files.write(f, version);
        assertTrue(assertThrows(SceneException.class, () -> NpyReader.read(f)).getMessage().contains("version"));
        Path ints = npy(header("<i8", "(4, 4)"), 128);
        assertTrue(assertThrows(SceneException.class, () -> NpyReader.read(ints)).getMessage().contains("dtype"));
        Path fortran = npy("{'descr': '<f8', 'fortran_order': True, 'shape': (4, 4), }\n", 128);
        assertTrue(assertThrows(SceneException.class, () -> NpyReader.read(fortran)).getMessage().contains("Fortran"));
    }

    @Test
    void aNpyOfTheWrongShapeForTheCanvasIsRefusedBeforeItsDataIsRead() throws Exception {
        Path f = npy(header("<f8", "(3, 4, 4)"), 3 * 16 * 8);
        SceneException e = assertThrows(SceneException.class, () -> NpyReader.read(f, new int[] {1, 4, 4}));
        assertTrue(e.getMessage().contains("the scene needs 1 x 4 x 4"), e.getMessage());
        assertEquals(48, NpyReader.read(f, new int[] {3, 4, 4}).values().length);
    }

    /** A valid 1 x 1 PNG whose header then claims another size (CRC fixed): a few bytes, a huge image. */
    private Path pngClaiming(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY), "png", bytes);
        byte[] png = bytes.toByteArray();
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, width).putInt(20, height); // IHDR data starts after signature (8), length (4), type (4)
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        Path f = dir.resolve("huge.png");
        Files.write(f, png);
        return f;
    }

    @Test
    void aSmallPngDeclaringFortyThousandPixelsASideIsRefusedUndecoded() throws Exception {
        Path f = pngClaiming(40_000, 40_000);
        assertTrue(Files.size(f) < 1000);
        EngineException e = assertThrows(EngineException.class, () -> MaskImport.read(f));
        assertTrue(e.getMessage().contains("40000 x 40000"), e.getMessage());
        assertThrows(EngineException.class, () -> MaskImport.dimensions(f));
    }

    @Test
    void aJpegMaskIsRefusedWithTheReason() throws Exception {
        Path f = dir.resolve("mask.jpg");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", f.toFile());
        EngineException e = assertThrows(EngineException.class, () -> MaskImport.read(f));
        assertTrue(e.getMessage().contains("JPEG"), e.getMessage());
    }

    private static void noStackTrace(CommandRunner run) {
        assertFalse(run.err.contains("\tat ") || run.err.contains("Exception in"), "a stack trace:\n" + run.err);
        assertFalse(run.out.contains("\tat "), "a stack trace:\n" + run.out);
    }

    private Path scene(String json) throws Exception {
        Path f = dir.resolve("s" + System.nanoTime() + ".json");
        Files.writeString(f, json);
        return f;
    }

    private static final String GOOD = "{\"format\": \"losslab-scene\", \"version\": 1, \"segmentation\": {\"mode\": \"binary\", "
            + "\"shape\": [1, 1, 2], \"prediction\": [0.5, -1], \"target\": [1, 0]}, \"losses\": [LOSSES]}";

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"name\": \"dice\"}] extra|not valid JSON",
        "{\"name\": \"dice\", \"parms\": {\"smooth\": 2}}|unknown key 'parms'",
        "{\"name\": \"dice\", \"name\": \"dice\"}|Duplicate field 'name'",
    })
    void evalRefusesWhatItShouldNotGuessAt(String losses, String message) throws Exception {
        CommandRunner run = CommandRunner.run("eval", scene(GOOD.replace("LOSSES]", losses.endsWith("extra") ? losses
                : losses + "]")).toString());
        assertEquals(1, run.status, run.out + run.err);
        assertTrue(run.out.contains(message), run.out);
        noStackTrace(run);
    }

    @Test
    void evalNamesTheParameterAndTruncatesAnAbsurdName() throws Exception {
        String longName = "x".repeat(5_000_000);
        Path f = scene(GOOD.replace("LOSSES", "{\"name\": \"ce\", \"params\": {\"ignore_index\": 1e308}}, "
                + "{\"name\": \"focal\", \"params\": {\"reduced_threshold\": 0}}, {\"name\": \"" + longName + "\"}"));
        CommandRunner run = CommandRunner.run("eval", f.toString());
        assertEquals(1, run.status);
        assertTrue(run.out.contains("ce.ignore_index: 1.0E308 is outside"), run.out.substring(0, 400));
        assertTrue(run.out.contains("focal.reduced_threshold: 0 divides"));
        assertTrue(run.out.length() < 2 * longName.length(), "the 5 MB name is not echoed twice");
        noStackTrace(run);
    }

    @Test
    void evalRefusesFifosFoldersAndInvalidUtf8WithoutBlocking() throws Exception {
        Path fifo = dir.resolve("fifo.json");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        Path latin = dir.resolve("latin.json");
        Files.write(latin, new byte[] {'{', (byte) 0xff, '}'});
        CommandRunner run = CommandRunner.run("eval", fifo.toString(), folder.toString(), latin.toString(),
                dir.resolve("missing.json").toString());
        assertEquals(1, run.status);
        assertTrue(run.out.contains("not a regular file"), run.out);
        assertTrue(run.out.contains("is a folder"), run.out);
        assertTrue(run.out.contains("not UTF-8"), run.out);
        assertTrue(run.out.contains("no such file"), run.out);
        noStackTrace(run);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sweep --over logit-scale --loss dice --steps 2000000000|2",
        "sweep --over logit-scale --loss dice --from NaN|2",
        "sweep --over fraction --loss dice --fp-rate 2|2",
        "sweep --over pixel --loss dice --channel 7 SCENE|1",
        "sweep --over logit-scale --loss dice --out DIR SCENE|2",
        "render SCENE --view segmentation --width -10 --out OUT|2",
        "render SCENE --view segmentation --out DIR|2",
        "render --preset small-object --size 100000 --out OUT|2",
        "render BOXES --view segmentation --out OUT|1",
        "bench --frames 2147483647|2",
        "bench --brush NaN|2",
        "bench --size 64 --torch MISSING|2",
        "scene --prediction MISSING --out OUT|1",
        "scene --prediction SCENE --out OUT|1",
        "eval|2",
    })
    void commandsRefuseBadOptionsAndInputsInOneLine(String line, int status) throws Exception {
        Path good = scene(GOOD.replace("LOSSES", "{\"name\": \"dice\"}"));
        Path boxes = scene("{\"format\": \"losslab-scene\", \"version\": 1, \"boxes\": {\"predicted\": [[0, 0, 2, 2]], "
                + "\"target\": [[1, 1, 3, 3]]}, \"losses\": [{\"name\": \"giou\"}]}");
        String[] args = line.replace("SCENE", good.toString()).replace("BOXES", boxes.toString())
                .replace("DIR", dir.toString()).replace("OUT", dir.resolve("out.png").toString())
                .replace("MISSING", dir.resolve("missing.npy").toString()).split(" ");
        CommandRunner run = CommandRunner.run(args);
        assertEquals(status, run.status, line + "\n" + run.out + run.err);
        assertFalse(run.err.isBlank(), "says why");
        noStackTrace(run);
    }
}
