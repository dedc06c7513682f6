package org.losslab.app.render;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Affine;
import org.losslab.engine.maps.MapKind;

/**
 * A horizontal colour bar under its title (the map's name and unit) with numbers at its ends and middle,
 * a legend for category maps, or a plain statement when every value is the same.
 */
public final class ColorBar extends Canvas {
    private static final double TOP = 18;
    private String title = "";
    private String drawn;

    private static final double WIDTH = 380;
    /** The narrowest bar whose texts ("clipped: values span -1.50e-05 to 4.14e-07") still fit. */
    public static final double MIN_WIDTH = 290;
    private static final double HEIGHT = 76;
    /** Text and bar sizes times this: larger in presentation mode, for the back of a lecture hall. */
    private double scale = 1;
    private MapImage last;
    private String lastHeading = "";

    public ColorBar() {
        super(WIDTH, HEIGHT);
        setId("color-bar");
    }

    /** Draws larger (presentation mode) or at the normal size again, at once. */
    public void setScale(double factor) {
        if (factor == scale) {
            return;
        }
        scale = factor;
        setHeight(HEIGHT * factor); // as wide as before: the canvas beside it keeps its room; the text is larger
        drawn = null;
        if (last != null) {
            show(last, lastHeading);
        }
    }

    /** Narrower (down to {@value #MIN_WIDTH}) when the window has no room for the full width: the text stays whole. */
    public void setBarWidth(double width) {
        double w = Math.max(MIN_WIDTH, Math.min(WIDTH, Math.floor(width)));
        if (w == getWidth()) {
            return;
        }
        setWidth(w);
        drawn = null;
        if (last != null) {
            show(last, lastHeading);
        }
    }

    /** What the bar shows, as drawn: its title. */
    public String title() {
        return title;
    }

    public void show(MapImage image) {
        show(image, image == null ? "" : image.kind().title());
    }

    /** Shows a map's colours under a title of the caller's (a landscape is no per-pixel map). */
    public void show(MapImage image, String heading) {
        // redrawn only when what it says changes: while the user paints, most frames keep the same bar,
        // and a canvas redrawn every frame costs the renderer time the brush needs
        String signature = image == null ? "" : heading + "|" + image.kind() + "|" + image.flat() + "|" + format(image.low())
                + "|" + format(image.high()) + "|" + clipping(image) + "|" + ColorMaps.table(image.kind())[0]
                + (image.flat() && image.argb().length > 0 ? "|" + image.argb()[0] : "");
        last = image;
        lastHeading = heading;
        if (signature.equals(drawn)) {
            return;
        }
        drawn = signature;
        GraphicsContext g = getGraphicsContext2D();
        g.setTransform(new Affine());
        g.setFill(Color.web("#2b2b2b"));
        g.fillRect(0, 0, getWidth(), getHeight());
        g.scale(scale, scale); // everything below is drawn in the normal size's coordinates
        double w = getWidth() / scale;
        g.setFont(Font.font(12));
        g.setFill(Color.WHITE);
        g.setTextBaseline(VPos.TOP);
        if (image == null) {
            title = "";
            return;
        }
        title = heading;
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(title, 8, 1);
        String clipped = clipping(image);
        if (!clipped.isEmpty()) {
            // a bar that does not hold every value says so: its ends saturate, and here is how far the values go
            g.setFill(CLIPPED);
            g.fillText(clipped + (w >= WIDTH - 1 ? " (ends saturate)" : ""), 8, TOP + 38);
            g.setFill(Color.WHITE);
        }
        g.translate(0, TOP);
        try {
            draw(g, image, w);
        } finally {
            g.translate(0, -TOP);
        }
    }

    private void draw(GraphicsContext g, MapImage image, double w) {
        if (image.flat() && image.kind().scale() != MapKind.Scale.CATEGORIES) {
            g.setFill(argb(image.argb().length == 0 ? 0 : image.argb()[0]));
            g.fillRect(8, 4, 16, 16);
            g.setFill(Color.WHITE);
            g.fillText("every pixel is " + format(image.low()) + " (nothing to compare)", 30, 6);
            return;
        }
        if (image.kind().scale() == MapKind.Scale.CATEGORIES) {
            String[] names = image.kind().categories().toArray(new String[0]);
            int[] palette = ColorMaps.table(image.kind());
            double x = 6;
            double y = 4;
            for (int k = 0; k < names.length; k++) {
                Text measure = new Text(names[k]);
                measure.setFont(g.getFont());
                double width = 30 + measure.getLayoutBounds().getWidth();
                if (x > 6 && x + width > w) {
                    x = 6; // the legend wraps to a second row rather than running off the bar
                    y += 20;
                }
                g.setFill(argb(palette[k]));
                g.fillRect(x, y, 14, 14);
                g.setStroke(Color.GRAY);
                g.strokeRect(x, y, 14, 14);
                g.setFill(Color.WHITE);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(names[k], x + 18, y);
                x += width;
            }
            return;
        }
        int[] table = ColorMaps.table(image.kind());
        double left = 8;
        double right = w - 8;
        for (int i = 0; i < (int) (right - left); i++) {
            g.setFill(argb(table[(int) Math.round(i / (right - left - 1) * (ColorMaps.SIZE - 1))]));
            g.fillRect(left + i, 4, 1.5, 16);
        }
        g.setFill(CLIPPED);
        if (image.clippedLow()) {
            g.fillPolygon(new double[] {left, left + 7, left + 7}, new double[] {12, 4, 20}, 3);
        }
        if (image.clippedHigh()) {
            g.fillPolygon(new double[] {right, right - 7, right - 7}, new double[] {12, 4, 20}, 3);
        }
        g.setFill(Color.WHITE);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText((image.clippedLow() ? "\u2264 " : "") + format(image.low()), left, 23);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(format((image.low() + image.high()) / 2), w / 2, 23);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText((image.clippedHigh() ? "\u2265 " : "") + format(image.high()), right, 23);
    }

    private static final Color CLIPPED = Color.web("#FFB000");

    /** "clipped: values from a to b" when the values reach beyond the bar's range, else "". */
    public static String clipping(MapImage image) {
        if (image == null || image.flat() || !(image.clippedLow() || image.clippedHigh())) {
            return "";
        }
        return "clipped: values span " + format(image.dataLow()) + " to " + format(image.dataHigh());
    }

    /** An ARGB int as a colour (its alpha ignored). */
    public static Color argb(int c) {
        return Color.rgb((c >> 16) & 255, (c >> 8) & 255, c & 255);
    }

    public static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e4 || a < 1e-3 ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
