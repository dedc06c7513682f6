package org.losslab.app.detect;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/** The detection workspace: boxes and their losses, the regression race, SSD matching and mining, metrics. */
public final class DetectionWorkspace extends BorderPane implements AutoCloseable {
    private final BoxDocument doc = new BoxDocument();
    private final BoxesTab boxes = new BoxesTab(doc);
    private final RaceTab race = new RaceTab();
    private final SsdTab ssd = new SsdTab(doc);
    private final MetricsTab metrics = new MetricsTab(doc);
    private final TabPane tabs = new TabPane();

    public DetectionWorkspace() {
        setId("detection-workspace");
        for (var t : new Tab[] {new Tab("Boxes", boxes), new Tab("Regression race", race), new Tab("SSD matching", ssd),
            new Tab("Metrics", metrics)}) {
            t.setClosable(false);
            tabs.getTabs().add(t);
        }
        setCenter(tabs);
    }

    public BoxDocument document() {
        return doc;
    }

    public BoxesTab boxes() {
        return boxes;
    }

    public RaceTab race() {
        return race;
    }

    public SsdTab ssd() {
        return ssd;
    }

    public MetricsTab metrics() {
        return metrics;
    }

    public TabPane tabs() {
        return tabs;
    }

    @Override
    public void close() {
        boxes.close();
    }
}
