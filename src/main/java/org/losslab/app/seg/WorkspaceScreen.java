package org.losslab.app.seg;

import java.util.function.Consumer;

/** Where the frame pipeline's results land in the Segmentation workspace: the canvas, the side panel, the status. */
final class WorkspaceScreen implements FramePipeline.Screen {
    private final SegDocument doc;
    private final CanvasArea canvasArea;
    private final SidePanel side;
    private final Consumer<String> message;
    private final Runnable cursorFollows;
    private final Runnable shareFollows;

    /**
     * @param cursorFollows the cursor's read-out, computed again once a frame is on screen
     * @param shareFollows  the read-outs of the selected loss, computed again once the table is on screen
     */
    WorkspaceScreen(SegDocument doc, CanvasArea canvasArea, SidePanel side, Consumer<String> message,
                    Runnable cursorFollows, Runnable shareFollows) {
        this.doc = doc;
        this.canvasArea = canvasArea;
        this.side = side;
        this.message = message;
        this.cursorFollows = cursorFollows;
        this.shareFollows = shareFollows;
    }

    @Override
    public void frameFailed(String why) {
        message.accept("The map could not be computed for this scene" + (why == null || why.isBlank() ? "" : ": " + why));
    }

    @Override
    public FrameResult draw(FrameResult r) {
        canvasArea.show(r, doc.data().width(), doc.data().height());
        side.showLive(r);
        return r;
    }

    @Override
    public void frameShown() {
        cursorFollows.run();
    }

    @Override
    public void table(TableWorker.Table t) {
        side.table().show(t);
    }

    @Override
    public void tableShown() {
        shareFollows.run();
    }
}
