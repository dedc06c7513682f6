package org.losslab.cli;

/** The --ui benchmark: drives the real workspace offscreen (filled in with the app). */
final class UiBench {
    private UiBench() {
    }

    static int run(int size, int dabs) {
        System.err.println("bench --ui: the segmentation workspace is not built yet");
        return 1;
    }
}
