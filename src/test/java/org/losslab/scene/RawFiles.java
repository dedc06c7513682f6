package org.losslab.scene;

import java.awt.image.Raster;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Files read without LossLab's readers, for expectations independent of them: a grey PNG, a float32 .npy. */
public final class RawFiles {
    private RawFiles() {
    }

    /** A grey PNG's values, read with ImageIO. */
    public static int[] png(Path file) throws Exception {
        Raster raster = ImageIO.read(file.toFile()).getRaster();
        int[] out = new int[raster.getWidth() * raster.getHeight()];
        raster.getPixels(0, 0, raster.getWidth(), raster.getHeight(), out);
        return out;
    }

    /** A little-endian float32 .npy's values (version 1 header), by hand. */
    public static float[] npyFloats(Path file) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int start = 10 + (bytes.getShort(8) & 0xFFFF);
        float[] out = new float[(bytes.capacity() - start) / 4];
        bytes.position(start).asFloatBuffer().get(out);
        return out;
    }
}
