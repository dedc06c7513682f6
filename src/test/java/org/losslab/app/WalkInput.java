package org.losslab.app;

import java.util.List;
import java.util.Random;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.ParamType;
import org.losslab.engine.seg.SegmentationData;

/** The random walks' input: mouse strokes, keys, the wheel and parameter edits, sent to the real window's nodes. */
final class WalkInput {
    /** The segmentation workspace's keys a walk presses. */
    static final KeyCode[] KEYS = {KeyCode.B, KeyCode.E, KeyCode.F, KeyCode.R, KeyCode.O, KeyCode.T, KeyCode.P, KeyCode.V,
        KeyCode.OPEN_BRACKET, KeyCode.CLOSE_BRACKET, KeyCode.G, KeyCode.SPACE, KeyCode.LEFT, KeyCode.DELETE, KeyCode.ESCAPE};
    private final MainWindow window;
    private final Scene scene;

    WalkInput(MainWindow window, Scene scene) {
        this.window = window;
        this.scene = scene;
    }

    /** A mouse event at local (x, y): events carry scene coordinates, from which the node's are derived. */
    static void mouse(Node node, EventType<MouseEvent> type, double x, double y, boolean shortcut, boolean secondary) {
        Point2D at = node.localToScene(x, y);
        Event.fireEvent(node, new MouseEvent(type, at.getX(), at.getY(), at.getX(), at.getY(),
                secondary ? MouseButton.SECONDARY : MouseButton.PRIMARY, 1,
                false, shortcut, false, false, !secondary, false, secondary, true, false, false, null));
    }

    void key(KeyCode code, boolean shortcut) {
        Node target = scene.getFocusOwner() == null ? window : scene.getFocusOwner();
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, shortcut, false, false));
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, false, shortcut, false, false));
    }

    /** A press, a few drags and a release somewhere on the node. */
    static void drag(Node node, Random r, boolean shortcut) {
        double w = Math.max(1, node.getLayoutBounds().getWidth());
        double h = Math.max(1, node.getLayoutBounds().getHeight());
        double x = r.nextDouble() * w;
        double y = r.nextDouble() * h;
        boolean secondary = r.nextInt(6) == 0;
        mouse(node, MouseEvent.MOUSE_PRESSED, x, y, shortcut, secondary);
        for (int k = 0, n = r.nextInt(6); k < n; k++) {
            x += r.nextGaussian() * 30;
            y += r.nextGaussian() * 30;
            mouse(node, MouseEvent.MOUSE_DRAGGED, x, y, shortcut, secondary);
        }
        mouse(node, MouseEvent.MOUSE_RELEASED, x, y, shortcut, secondary);
    }

    static void scroll(Node node, Random r) {
        Event.fireEvent(node, new ScrollEvent(ScrollEvent.SCROLL, 300, 300, 300, 300, false, false, false,
                false, false, false, 0, r.nextBoolean() ? 40 : -40, 0, 0, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
    }

    /** One numeric parameter of a random segmentation entry set to a random value in its range (at most +-10). */
    @SuppressWarnings("unchecked")
    void editParameter(Random r) {
        var doc = window.segmentation().document();
        List<LossSpec<SegmentationData>> specs = LossRegistry.of(Domains.SEGMENTATION);
        LossSpec<SegmentationData> spec = specs.get(r.nextInt(specs.size()));
        List<ParamSpec> numbers = spec.params().stream().filter(p -> p.type() == ParamType.NUMBER).toList();
        if (numbers.isEmpty()) {
            return;
        }
        ParamSpec p = numbers.get(r.nextInt(numbers.size()));
        double lo = Math.max(p.min(), -10);
        double hi = Math.min(p.max(), 10);
        doc.setParams(spec.name(), doc.params(spec.name()).with(spec.name(), spec.params(), p.name(), lo + r.nextDouble() * (hi - lo)));
    }
}
