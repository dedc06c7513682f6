package org.losslab.scene;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads a mask from a PNG: grey or palette images give their index (0 background, 1.. classes; 255
 * stays 255, the usual ignore value); colour images map each distinct colour to a class, black first.
 */
public final class MaskImport {
    private MaskImport() {
    }

    /** The mask and its size. */
    public record Mask(int height, int width, int[] labels) {
    }

    public static Mask read(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new SceneException(file.getFileName() + ": cannot read (" + e.getMessage() + ")");
        }
        if (image == null) {
            throw new SceneException(file.getFileName() + ": not an image LossLab can read (PNG, JPEG)");
        }
        int h = image.getHeight();
        int w = image.getWidth();
        int[] labels = new int[h * w];
        boolean indexed = image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getType() == BufferedImage.TYPE_BYTE_INDEXED
                || image.getType() == BufferedImage.TYPE_BYTE_BINARY || image.getType() == BufferedImage.TYPE_USHORT_GRAY;
        Map<Integer, Integer> colours = new LinkedHashMap<>();
        colours.put(0x000000, 0);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (indexed) {
                    labels[y * w + x] = image.getRaster().getSample(x, y, 0);
                } else {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    labels[y * w + x] = colours.computeIfAbsent(rgb, k -> colours.size());
                }
            }
        }
        return new Mask(h, w, labels);
    }
}
