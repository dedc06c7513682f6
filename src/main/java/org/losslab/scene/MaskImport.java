package org.losslab.scene;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a mask from a PNG: grey (with or without alpha) or palette images give their index (0 background, 1.. classes; 255
 * stays 255, the usual ignore value); colour images map each distinct colour to a class, black first.
 */
public final class MaskImport {
    private MaskImport() {
    }

    /** The mask and its size. */
    public record Mask(int height, int width, int[] labels) {
    }

    /** The largest image LossLab decodes: 8192 pixels a side, 64 million pixels. */
    public static final int MAX_SIDE = 8192;
    public static final long MAX_PIXELS = 64L << 20;

    /**
     * The width and height an image file declares, read from its header without decoding it; refuses
     * a file that is not an image, and one larger than LossLab decodes (a PNG of a few MB can declare
     * 40,000 x 40,000 pixels, gigabytes once decoded).
     */
    public static int[] dimensions(Path file) {
        SceneFiles.checkReadable(file, 1L << 30, "an image");
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new SceneException(file.getFileName() + ": not an image LossLab can read (PNG, JPEG)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new SceneException(file.getFileName() + ": " + w + " x " + h + " pixels is larger than LossLab reads ("
                            + MAX_SIDE + " a side)");
                }
                return new int[] {w, h, reader.getFormatName().equalsIgnoreCase("jpeg") ? 1 : 0};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new SceneException(file.getFileName() + ": cannot read (" + SceneFiles.reason(e) + ")");
        }
    }

    public static Mask read(Path file) {
        int[] size = dimensions(file);
        if (size[2] == 1) {
            throw new SceneException(file.getFileName() + ": a JPEG mask cannot be read: its lossy compression blends the "
                    + "label colours at every edge; save the mask as PNG");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new SceneException(file.getFileName() + ": cannot read (" + SceneFiles.reason(e) + ")");
        }
        if (image == null) {
            throw new SceneException(file.getFileName() + ": not an image LossLab can read (PNG, JPEG)");
        }
        int h = image.getHeight();
        int w = image.getWidth();
        int[] labels = new int[h * w];
        boolean indexed = image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getType() == BufferedImage.TYPE_BYTE_INDEXED
                || image.getType() == BufferedImage.TYPE_BYTE_BINARY || image.getType() == BufferedImage.TYPE_USHORT_GRAY
                // grey with alpha (PNG colour type 4) has no BufferedImage type of its own: its first band is the label
                || image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
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
