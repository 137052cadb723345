package io.marquee.segment.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Checks that a file is a valid PNG: the 8-byte signature, and ImageIO decodes a non-empty image. */
public final class Png {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private Png() {
    }

    public static void assertValid(Path file) throws IOException {
        assertThat(file).isRegularFile();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 8)).as("PNG signature of %s", file).containsExactly(SIGNATURE);
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img).as("ImageIO reads %s", file).isNotNull();
        assertThat(img.getWidth()).isGreaterThan(100);
        assertThat(img.getHeight()).isGreaterThan(100);
    }
}
