package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grey + alpha PNG mask is read as grey, its labels as they are (0, 1, 255 ignored): it went through the
 * colour path, which renumbered the classes by first appearance and made 255 a foreground class.
 */
class GreyAlphaMaskTest {

    @Test
    void aGreyAlphaMaskKeepsItsLabels(@TempDir Path dir) throws Exception {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(3, 2);
        int[] labels = {255, 0, 1, 1, 0, 255};
        for (int i = 0; i < labels.length; i++) {
            raster.setSample(i % 3, i / 3, 0, labels[i]);
            raster.setSample(i % 3, i / 3, 1, 255);
        }
        Path png = dir.resolve("mask.png");
        ImageIO.write(new BufferedImage(model, raster, false, null), "png", png.toFile());
        assertArrayEquals(labels, MaskImport.read(png).labels());
    }
}
