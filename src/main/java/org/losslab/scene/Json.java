package org.losslab.scene;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shared JSON mapper and the checked readers of numbers and arrays that name the field on error. */
public final class Json {
    /** Reads NaN and Infinity so that the error can say which field holds them, instead of a parse error. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // a key given twice or text after the document is a broken file, not something to guess at
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A text as an error message may quote it: at most 60 characters. */
    public static String quote(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private Json() {
    }

    public static JsonNode required(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new SceneException(where + field + ": missing");
        }
        return node;
    }

    public static double finite(JsonNode node, String where) {
        if (!node.isNumber()) {
            throw new SceneException(where + ": expected a number, got " + node);
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw new SceneException(where + ": " + v + " is not a finite number");
        }
        return v;
    }

    public static int wholeNumber(JsonNode node, String where) {
        if (!node.isNumber() || node.doubleValue() != Math.rint(node.doubleValue())
                || Math.abs(node.doubleValue()) > Integer.MAX_VALUE) {
            throw new SceneException(where + ": expected a whole number, got " + node);
        }
        return (int) node.doubleValue();
    }

    public static JsonNode array(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new SceneException(where + ": expected an array, got " + kind(node));
        }
        return node;
    }

    public static double[] finiteArray(JsonNode node, String where) {
        array(node, where);
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = finite(node.get(i), where + "[" + i + "]");
        }
        return out;
    }

    public static int[] intArray(JsonNode node, String where) {
        array(node, where);
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = wholeNumber(node.get(i), where + "[" + i + "]");
        }
        return out;
    }

    /** An array of rows of a fixed width, flattened row-major. */
    public static double[] rows(JsonNode node, int width, String where) {
        array(node, where);
        double[] out = new double[node.size() * width];
        for (int r = 0; r < node.size(); r++) {
            JsonNode row = array(node.get(r), where + "[" + r + "]");
            if (row.size() != width) {
                throw new SceneException(where + "[" + r + "]: expected " + width + " numbers, got " + row.size());
            }
            for (int k = 0; k < width; k++) {
                out[r * width + k] = finite(row.get(k), where + "[" + r + "][" + k + "]");
            }
        }
        return out;
    }

    /** A flat array as rows of {@code width} numbers, or as one flat array when width is 0. */
    public static ArrayNode rowsNode(double[] values, int width) {
        ArrayNode out = MAPPER.createArrayNode();
        if (width == 0) {
            for (double v : values) {
                out.add(v);
            }
            return out;
        }
        for (int r = 0; r < values.length / width; r++) {
            ArrayNode row = out.addArray();
            for (int k = 0; k < width; k++) {
                row.add(values[r * width + k]);
            }
        }
        return out;
    }

    /** Whole numbers as a JSON array of integers. */
    public static ArrayNode intsNode(int[] values) {
        ArrayNode out = MAPPER.createArrayNode();
        for (int v : values) {
            out.add(v);
        }
        return out;
    }

    static String kind(JsonNode node) {
        return node.isObject() ? "an object" : node.isArray() ? "an array" : node.isTextual() ? "a string" : node.toString();
    }

    /** A JSON value as a plain Java value: Boolean, Double, Long, String, List or Map, or null. */
    public static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(item -> out.add(plain(item)));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            out.put(e.getKey(), plain(e.getValue()));
        }
        return out;
    }
}
