package org.losslab.engine.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.Domains;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.Params;

/** The maps' defaults are the registry's (issue 23 item 5: Tversky's map said 0.3/0.7 while its entry said 0.5/0.5). */
class MapSettingsDefaultsTest {
    @Test
    void theMapsDefaultsAreTheRegistrysDefaults() {
        Map<String, Params> defaults = new LinkedHashMap<>();
        for (var spec : LossRegistry.of(Domains.SEGMENTATION)) {
            defaults.put(spec.name(), spec.defaults());
        }
        assertEquals(MapSettings.fromParams(defaults), MapSettings.defaults());
    }
}
