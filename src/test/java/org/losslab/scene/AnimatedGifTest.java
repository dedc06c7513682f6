package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GIF holds every frame, in order, with its pixels. */
class AnimatedGifTest {

    private static BufferedImage frame(int colour) {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, x < 20 ? colour : 0xFFFFFF);
            }
        }
        return image;
    }

    @Test
    void threeFramesComeBackInOrder(@TempDir Path dir) throws Exception {
        List<BufferedImage> frames = List.of(frame(0xFF0000), frame(0x00FF00), frame(0x0000FF));
        Path file = dir.resolve("run.gif");
        AnimatedGif.write(frames, 100, file);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            for (int k = 0; k < 3; k++) {
                BufferedImage back = reader.read(k);
                assertEquals(40, back.getWidth());
                assertEquals(frames.get(k).getRGB(5, 5) & 0xFFFFFF, back.getRGB(5, 5) & 0xFFFFFF, "frame " + k);
                assertEquals(0xFFFFFF, back.getRGB(30, 5) & 0xFFFFFF);
            }
        } finally {
            reader.dispose();
        }
    }
}
