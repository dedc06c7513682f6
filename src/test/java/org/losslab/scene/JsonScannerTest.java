package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The COCO files' tokenizer: numbers read as Double.parseDouble reads them, strings unescaped, bad JSON refused. */
class JsonScannerTest {
    private static JsonScanner scanner(String json) {
        return new JsonScanner(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json");
    }

    @Test
    void numbersAreTheDoublesJavaReads() throws IOException {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>(List.of("0", "-0", "0.0", "1e22", "1e23", "123456789012345678",
                "9007199254740993", "0.1", "2.2250738585072014E-308", "4.9e-324", "1.7976931348623157e308",
                "0.30000000000000004", "-12.5e-3", "1E+2", "100000000000000000000000"));
        for (int i = 0; i < 3000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) {
                texts.add(Double.toString(v));
            }
            texts.add(Double.toString(random.nextDouble() * 1000));
            texts.add(String.format(java.util.Locale.ROOT, "%.6f", random.nextDouble() * 640));
            texts.add(Integer.toString(random.nextInt()));
        }
        StringBuilder json = new StringBuilder("[");
        for (String t : texts) {
            json.append(json.length() > 1 ? "," : "").append(t.replace("Infinity", "1"));
        }
        JsonScanner s = scanner(json.append("]").toString());
        assertEquals(JsonToken.START_ARRAY, s.nextToken());
        for (String t : texts) {
            s.nextToken();
            assertEquals(Double.parseDouble(t), s.getDoubleValue(), 0.0, t);
        }
        assertEquals(JsonToken.END_ARRAY, s.nextToken());
        assertEquals(null, s.nextToken());
    }

    @Test
    void stringsObjectsAndSkipping() throws IOException {
        JsonScanner s = scanner("{\"a\\\"b\": \"x\\\\y\\u0041\\n\", \"skip\": [1, {\"q\": [true, null]}], \"n\": -7}");
        assertEquals(JsonToken.START_OBJECT, s.nextToken());
        assertEquals(JsonToken.FIELD_NAME, s.nextToken());
        assertEquals("a\"b", s.currentName());
        assertEquals(JsonToken.VALUE_STRING, s.nextToken());
        assertEquals("x\\yA\n", s.getText());
        s.nextToken();
        assertEquals("skip", s.currentName());
        s.nextToken();
        s.skipChildren();
        assertEquals(JsonToken.END_ARRAY, s.currentToken());
        s.nextToken();
        assertEquals("n", s.currentName());
        assertEquals(JsonToken.VALUE_NUMBER_INT, s.nextToken());
        assertEquals(-7, s.getLongValue());
        assertEquals(JsonToken.END_OBJECT, s.nextToken());
    }

    @Test
    void brokenDocumentsAreRefused() {
        for (String bad : new String[] {"[1,]", "[1 2]", "{\"a\" 1}", "[01x]", "[1.]", "[\"open", "[1]]", "{\"a\": 1]", "[-]"}) {
            assertThrows(SceneException.class, () -> {
                JsonScanner s = scanner(bad);
                while (s.nextToken() != null) {
                    // read to the end
                }
            }, bad);
        }
    }
}
