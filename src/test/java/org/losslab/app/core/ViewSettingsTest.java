package org.losslab.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.losslab.scene.Json;
import org.losslab.scene.Scene;

/** What a save writes of the view: what the window shows and the file opened again would not. */
class ViewSettingsTest {
    private final SimpleDoubleProperty radius = new SimpleDoubleProperty(8);
    private final SimpleStringProperty tool = new SimpleStringProperty("brush");
    private final ViewSettings view = new ViewSettings("segmentation")
            .number("brush_radius", radius)
            .text("tool", tool, t -> t, t -> t);

    private static Scene withView(String json) throws Exception {
        var app = Json.MAPPER.createObjectNode();
        app.set("segmentation", Json.MAPPER.readTree(json));
        return new Scene(Map.of(), List.of(), Map.of()).withExtraBlock(ViewSettings.APP_BLOCK, app);
    }

    @Test
    void aSettingKeptFromTheLastSceneThatTheFileDoesNotHoldIsWrittenBySave() {
        tool.set("rectangle"); // chosen on the last scene
        Scene plain = new Scene(Map.of(), List.of(), Map.of());
        view.restoreFrom(plain);
        assertEquals("rectangle", tool.get(), "the window keeps its tool");
        Scene saved = view.writeTo(plain);
        assertNotSame(plain, saved, "a file without the tool, opened again, would show the brush: the save writes it");
        assertEquals("rectangle", ViewSettings.appBlock(saved).path("segmentation").path("tool").asText());
    }

    @Test
    void aFileOpenedAndSavedWithoutAChangeIsWrittenBackAsItWas() throws Exception {
        Scene plain = new Scene(Map.of(), List.of(), Map.of());
        view.restoreFrom(plain); // a fresh window's settings: nothing to add
        assertSame(plain, view.writeTo(plain));
        Scene partial = withView("{\"brush_radius\": 5.0}");
        view.restoreFrom(partial);
        assertEquals(5.0, radius.get());
        assertSame(partial, view.writeTo(partial));
        radius.set(6);
        assertEquals(6.0, ViewSettings.appBlock(view.writeTo(partial)).path("segmentation").path("brush_radius").asDouble());
    }
}
