package org.losslab.scene;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.losslab.engine.dataset.LabelMap;

/**
 * A PNG as a label map (CONTRACTS_V3 section 1): an 8- or 16-bit grey image's value, or a palette image's index,
 * is the class; a mask whose only values are 0 and 255 is binary (255 is class 1). A colour image is refused:
 * its colours are not class indices. The size is checked from the header before decoding.
 */
final class LabelPng {
    private LabelPng() {
    }

    static LabelMap read(Path file, String source) {
        int[] size = MaskImport.dimensions(file);
        if (size[2] == 1) {
            throw new SceneException(source + ": a JPEG is not a label map (its compression blends the classes at every edge)");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new SceneException(source + ": cannot decode the image (" + e.getMessage() + ")");
        }
        if (image == null) {
            throw new SceneException(source + ": not an image LossLab can read");
        }
        int type = image.getType();
        if (type != BufferedImage.TYPE_BYTE_GRAY && type != BufferedImage.TYPE_USHORT_GRAY
                && type != BufferedImage.TYPE_BYTE_INDEXED && type != BufferedImage.TYPE_BYTE_BINARY) {
            throw new SceneException(source + ": a colour image is not a label map; save the class indices as an 8- or 16-bit"
                    + " grey or a palette PNG");
        }
        int height = image.getHeight();
        int width = image.getWidth();
        int[] labels = image.getRaster().getSamples(0, 0, width, height, 0, new int[width * height]);
        boolean binary = true;
        boolean any255 = false;
        for (int v : labels) {
            binary &= v == 0 || v == 255;
            any255 |= v == 255;
        }
        if (binary && any255) {
            for (int i = 0; i < labels.length; i++) {
                labels[i] = labels[i] == 255 ? 1 : 0;
            }
        }
        return new LabelMap(source, new int[] {height, width}, null, labels);
    }
}
