package org.halyard.ui.status;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;

/**
 * Small round state icons in any colour, drawn once per colour and disposed with their owner.
 * Drawn in code so a new state colour needs no new icon file.
 */
public final class DotImages {

    private static final int SIZE = 12;
    private final Device device;
    private final Map<RGB, Image> images = new HashMap<>();

    public DotImages(Device device) {
        this.device = device;
    }

    public Image get(RGB colour) {
        return images.computeIfAbsent(colour, this::draw);
    }

    private Image draw(RGB colour) {
        ImageData data = new ImageData(SIZE, SIZE, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        int pixel = data.palette.getPixel(colour);
        double centre = (SIZE - 1) / 2.0;
        double radius = SIZE / 2.0 - 1;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double d = Math.hypot(x - centre, y - centre);
                data.setPixel(x, y, pixel);
                // a soft edge of one pixel, instead of a jagged one
                double alpha = Math.max(0, Math.min(1, radius + 0.5 - d));
                data.setAlpha(x, y, (int) Math.round(alpha * 255));
            }
        }
        return new Image(device, data);
    }

    public void dispose() {
        images.values().forEach(Image::dispose);
        images.clear();
    }
}
