package org.losslab.app.seg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.losslab.app.core.ErrorLog;
import org.losslab.app.render.MapImage;
import org.losslab.engine.EngineException;
import org.losslab.engine.Params;
import org.losslab.engine.distance.SurfaceMetrics;
import org.losslab.engine.frame.FrameSettings;
import org.losslab.engine.frame.LiveFrame;
import org.losslab.engine.frame.LiveFrame.Region;
import org.losslab.engine.frame.LiveValues;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.maps.MapSettings;
import org.losslab.engine.maps.PixelMap;
import org.losslab.engine.maps.PixelMaps;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Computes frames off the UI thread. The UI sends requests (a new scene, or the contents of a box a
 * brush changed); the worker shares the document's snapshot, or patches boxes into a copy of its own, applies every pending request in order
 * and then computes once for the newest state, so that painting faster than the engine never queues
 * stale work. Binary scenes use the incremental live frame where the chosen map allows.
 */
public final class FrameWorker implements AutoCloseable {
    /** What the worker should show: the layer, its channel and the settings of the maps. */
    public record View(MapKind layer, int channel, Map<String, Params> params, MapKind compare, double[] lockedRange) {
        public View(MapKind layer, int channel, Map<String, Params> params) {
            this(layer, channel, params, null, null);
        }
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "losslab-frame");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<FrameResult> publish;
    private final List<Runnable> pending = new ArrayList<>();
    private boolean scheduled;
    /** The scene the frames are computed on: the snapshot submitted last, or the worker's own copy patched by boxes. */
    private SegmentationData shadow;
    /** The snapshot the shadow still is (not yet copied to patch a box), else null. */
    private SegmentationData shared;
    private int copies;
    /** What a scene of normal size computes its frames under: nothing else waits for it (not the requests' lock). */
    private final Object alone = new Object();
    private LiveFrame live;
    private FrameSettings liveSettings;
    private View view;

    /** @param publish receives results on the worker thread; the caller hops to the UI thread */
    public FrameWorker(Consumer<FrameResult> publish) {
        this.publish = publish;
    }

    /**
     * The scene as it is now, as a snapshot nobody edits (the document's, which the table worker shares): the worker
     * keeps a reference, not a copy, and copies it only when a brush's box is to be patched in. The same snapshot
     * again (another map, other parameters) keeps the live frame as it is.
     */
    public void submitScene(SegmentationData snapshot, View newView, int revision) {
        enqueue(() -> {
            if (snapshot != shared) {
                shadow = snapshot;
                shared = snapshot;
                live = null;
            }
            view = newView;
        }, revision);
    }

    /** How many times the worker copied a snapshot to patch a brush's box into it (tests count them). */
    int copies() {
        return copies;
    }

    /** The contents of a changed box (copied now): cheap for a brush dab. */
    public void submitBox(SegmentationData scene, int[] box, View newView, int revision) {
        int y0 = Math.max(0, box[0]);
        int y1 = Math.min(scene.height(), box[1]);
        int x0 = Math.max(0, box[2]);
        int x1 = Math.min(scene.width(), box[3]);
        if (y0 >= y1 || x0 >= x1) {
            return;
        }
        int n = scene.pixels();
        int w = scene.width();
        int bw = x1 - x0;
        int channels = scene.channels();
        int targetPlanes = scene.mode() == SegMode.MULTILABEL ? channels : 1;
        double[] logits = new double[channels * (y1 - y0) * bw];
        int[] labels = new int[targetPlanes * (y1 - y0) * bw];
        for (int c = 0; c < channels; c++) {
            for (int y = y0; y < y1; y++) {
                System.arraycopy(scene.prediction(), c * n + y * w + x0, logits, (c * (y1 - y0) + y - y0) * bw, bw);
            }
        }
        for (int c = 0; c < targetPlanes; c++) {
            for (int y = y0; y < y1; y++) {
                System.arraycopy(scene.target(), c * n + y * w + x0, labels, (c * (y1 - y0) + y - y0) * bw, bw);
            }
        }
        int[] clipped = {y0, y1, x0, x1};
        enqueue(() -> {
            if (shadow == shared) { // the shared snapshot is never edited: the first box patches a copy of it
                shadow = shadow.copy();
                shared = null;
                live = null;
                copies++;
            }
            for (int c = 0; c < channels; c++) {
                for (int y = y0; y < y1; y++) {
                    System.arraycopy(logits, (c * (y1 - y0) + y - y0) * bw, shadow.prediction(), c * n + y * w + x0, bw);
                }
            }
            for (int c = 0; c < targetPlanes; c++) {
                for (int y = y0; y < y1; y++) {
                    System.arraycopy(labels, (c * (y1 - y0) + y - y0) * bw, shadow.target(), c * n + y * w + x0, bw);
                }
            }
            if (live != null) {
                live.update(clipped[0], clipped[1], clipped[2], clipped[3]);
            }
            view = newView;
        }, revision);
    }

    private synchronized void enqueue(Runnable change, int revision) {
        pending.add(change);
        if (!scheduled && !executor.isShutdown()) { // after close an edit has no frame to compute
            scheduled = true;
            executor.execute(this::drain);
        }
        latestRevision = revision;
    }

    private int latestRevision;

    private void drain() {
        List<Runnable> batch;
        int revision;
        synchronized (this) {
            batch = new ArrayList<>(pending);
            pending.clear();
            scheduled = false;
            revision = latestRevision;
        }
        long start = System.nanoTime();
        try {
            for (Runnable r : batch) {
                r.run();
            }
            FrameResult result;
            // a large scene's frame waits for the table's entry or the read-outs computing (see SCENE_PASSES)
            synchronized (shadow.pixels() > POOLED_PIXELS ? TableWorker.SCENE_PASSES : alone) {
                result = compute(revision, start);
                SurfaceMetrics.releaseBuffer(); // a distance map's buffer, not kept between frames
            }
            publish.accept(result);
        } catch (EngineException e) {
            // a failed frame is still published: the window says why and the table follows with its own reasons
            publish.accept(FrameResult.failed(revision, e.getMessage()));
        } catch (RuntimeException e) {
            ErrorLog.record("frame", e);
            publish.accept(FrameResult.failed(revision, "an error in the frame's computation (" + e.getClass().getSimpleName()
                    + ", recorded in the error log)"));
        } catch (OutOfMemoryError e) {
            publish.accept(FrameResult.failed(revision, "out of memory on this " + shadow.height() + " x " + shadow.width()
                    + " scene"));
        }
    }

    private FrameResult compute(int revision, long start) {
        SegmentationData d = shadow;
        MapSettings settings = MapSettings.fromParams(view.params());
        int channel = Math.min(view.channel(), d.channels() - 1);
        Map<String, Double> values;
        // the live values come with every map: from the fast frame where it equals the registry, else from the registry
        if (LiveValues.frameMatches(d, view.params())) {
            FrameSettings fs = LiveValues.frameSettings(settings);
            boolean lossMaps = keepsLossMaps(d.pixels(), view);
            if (live == null || !fs.equals(liveSettings) || lossMaps != live.keepsLossMaps()) {
                live = null; // its arrays are garbage before the new frame's are taken
                live = new LiveFrame(d.height(), d.width(), d.target(), d.prediction(), fs, lossMaps);
                liveSettings = fs;
                live.computeAll();
            }
            values = LiveValues.of(live);
        } else {
            live = null;
            values = LiveValues.fromRegistry(d, view.params());
        }
        FrameBuffers b = takeBuffers(d.pixels());
        float[] plane = plane(view.layer(), d, settings, channel, b.plane);
        MapImage image = MapImage.of(view.layer(), d.width(), d.height(), plane, b.heat, view.lockedRange());
        MapImage compared = view.compare() == null ? null : MapImage.of(view.compare(), d.width(), d.height(),
                plane(view.compare(), d, settings, channel, b.comparePlane()), b.compareHeat, null);
        Overlays.target(d, channel, b.target);
        if (view.layer() == MapKind.ERRORS) {
            // the error map is the prediction at the threshold, coloured: an outline over it would hide its FP pixels
            Arrays.fill(b.contour, 0);
        } else {
            Overlays.predictionContour(d, channel, b.contour, b.fill); // the fill's array as scratch, filled next
        }
        Overlays.prediction(d, channel, b.fill);
        return new FrameResult(revision, image, plane, b.target, b.fill, b.contour, values,
                (System.nanoTime() - start) / 1e6, compared, compared == null ? null : b.comparePlane,
                live == null ? null : live.gradientFactors(), () -> giveBack(b), null);
    }

    /**
     * The arrays of one frame, reused: a frame's results go to the view, which gives them back once it
     * has copied what it keeps, so that painting allocates nothing per frame (arrays of a large scene
     * are "humongous" to the garbage collector, whose pauses would stall the brush).
     */
    private static final class FrameBuffers {
        final int pixels;
        /** The map's values in single precision, as drawn and read out (a 4096 x 4096 plane: 64 MB, not 128). */
        final float[] plane;
        /** The split view's second map: only once it is shown (two more arrays of the scene's size). */
        float[] comparePlane;
        int[] compareHeat;
        final int[] heat;
        final int[] target;
        final int[] fill;
        final int[] contour;

        FrameBuffers(int n) {
            pixels = n;
            plane = new float[n];
            heat = new int[n];
            target = new int[n];
            fill = new int[n];
            contour = new int[n];
        }

        float[] comparePlane() {
            if (comparePlane == null) {
                comparePlane = new float[pixels];
                compareHeat = new int[pixels];
            }
            return comparePlane;
        }
    }

    private final ConcurrentLinkedQueue<FrameBuffers> free = new ConcurrentLinkedQueue<>();

    /**
     * Scenes up to this many pixels (2048 x 2048) keep their frames' arrays for the next frame. A larger scene's
     * frame takes seconds anyway, and its spare set (320 MB at 4096 x 4096) would sit beside the one on screen while
     * the table computes: it is left to the garbage collector instead.
     */
    static final int POOLED_PIXELS = 2048 * 2048;

    private void giveBack(FrameBuffers b) {
        if (b.pixels <= POOLED_PIXELS) {
            free.offer(b);
        }
    }

    private FrameBuffers takeBuffers(int n) {
        FrameBuffers b;
        while ((b = free.poll()) != null) {
            if (b.pixels == n) {
                return b;
            }
        }
        return new FrameBuffers(n);
    }

    /** One plane of a map: from the live frame where it has it (binary scenes), else from the engine's maps. */
    private float[] plane(MapKind kind, SegmentationData d, MapSettings settings, int channel, float[] out) {
        if (live != null && LIVE_KINDS.contains(kind)) {
            return livePlane(kind, out);
        }
        PixelMap map = PixelMaps.compute(kind, d, settings, view.params());
        double[] values = map.values();
        int from = Math.min(channel, map.channels() - 1) * d.pixels();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[from + i];
        }
        return out;
    }

    private static final Set<MapKind> LOSS_MAP_KINDS = Set.of(MapKind.CROSS_ENTROPY, MapKind.FOCAL);

    /**
     * Whether the live frame keeps its per-pixel BCE and focal maps: always on a scene of normal size (switching maps
     * then costs nothing), on a large one only while one of them is shown (128 MB at 4096 x 4096).
     */
    static boolean keepsLossMaps(int pixels, View view) {
        return pixels <= POOLED_PIXELS || LOSS_MAP_KINDS.contains(view.layer())
                || view.compare() != null && LOSS_MAP_KINDS.contains(view.compare());
    }
    private static final Set<MapKind> LIVE_KINDS = Set.of(MapKind.CROSS_ENTROPY, MapKind.FOCAL,
            MapKind.GRAD_DICE, MapKind.GRAD_JACCARD, MapKind.GRAD_TVERSKY, MapKind.BOUNDARY_BANDS);

    private float[] livePlane(MapKind kind, float[] out) {
        int n = live.height() * live.width();
        if (kind == MapKind.BOUNDARY_BANDS) {
            boolean[] a = live.targetBand();
            boolean[] b = live.predictionBand();
            for (int i = 0; i < n; i++) {
                out[i] = (a[i] ? PixelMaps.TARGET_BAND : 0) + (b[i] ? PixelMaps.PREDICTION_BAND : 0);
            }
            return out;
        }
        if (kind == MapKind.GRAD_DICE || kind == MapKind.GRAD_JACCARD || kind == MapKind.GRAD_TVERSKY) {
            live.gradient(kind == MapKind.GRAD_DICE ? Region.DICE : kind == MapKind.GRAD_JACCARD ? Region.JACCARD
                    : Region.TVERSKY, out);
            return out;
        }
        System.arraycopy(kind == MapKind.CROSS_ENTROPY ? live.bceMap() : live.focalMap(), 0, out, 0, n);
        return out;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
