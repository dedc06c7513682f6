package org.losslab.scene;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The COCO readers' streaming helpers: typed values that name the file, the entry and the field when they are
 * wrong. The entry being read is kept as numbers and the message is only built on an error, so reading a
 * million fields builds no strings.
 */
final class CocoTokens {
    final JsonScanner parser;
    final String file;
    /** "result", "annotations", "images", "categories"; null outside the lists. */
    private String entryKind;
    private int entryIndex;
    private long entryId = Long.MIN_VALUE;

    CocoTokens(JsonScanner parser, String file) {
        this.parser = parser;
        this.file = file;
    }

    /** The entry now being read: {@code result 17} or {@code annotations[17]}. */
    void entry(String kind, int index) {
        entryKind = kind;
        entryIndex = index;
        entryId = Long.MIN_VALUE;
    }

    /** The entry's id, once known, for the messages. */
    void entryId(long id) {
        entryId = id;
    }

    /** "file: entry: field: what", the field omitted when null. */
    SceneException error(String field, String what) {
        StringBuilder m = new StringBuilder(file).append(": ");
        if (entryKind != null) {
            m.append("result".equals(entryKind) ? "result " + entryIndex : entryKind + "[" + entryIndex + "]");
            if (entryId != Long.MIN_VALUE) {
                m.append(" (id ").append(entryId).append(')');
            }
            m.append(": ");
        }
        if (field != null) {
            m.append(field).append(": ");
        }
        return new SceneException(m.append(what).toString());
    }

    void expect(JsonToken token, String field, String what) throws IOException {
        if (parser.currentToken() != token) {
            throw error(field, "expected " + what + ", got " + describe());
        }
    }

    String describe() {
        JsonToken t = parser.currentToken();
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "a number";
        };
    }

    /** An id: a whole number (1.0 counts, as Python's sets find it equal to 1). */
    long id(String field) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double v = parser.getDoubleValue();
            if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
                return (long) v;
            }
        }
        throw error(field, "expected a whole number, got " + (t != null && t.isNumeric() ? parser.getText() : describe()));
    }

    double finite(String field) throws IOException {
        JsonToken t = parser.currentToken();
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw error(field, "expected a number, got " + describe());
        }
        double v = parser.getDoubleValue();
        if (!Double.isFinite(v)) {
            throw error(field, v + " is not a finite number");
        }
        return v;
    }

    /** A finite number at field[index] (the name is built only for the message). */
    double finiteAt(String field, int index) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            double v = parser.getDoubleValue();
            if (Double.isFinite(v)) {
                return v;
            }
        }
        return finite(field + "[" + index + "]");
    }

    /** A flag as Python's truth: a number not 0 or true. */
    boolean flag(String field) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        return finite(field) != 0;
    }

    /** An int dimension, 1 to 2^31 - 1. */
    int dimension(String field) throws IOException {
        long v = id(field);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw error(field, v + " is not a size in pixels");
        }
        return (int) v;
    }

    /** Reads an array of numbers into {@code out} from index 0; returns how many (at most out.length + 1 read). */
    int numbers(String field, double[] out) throws IOException {
        expect(JsonToken.START_ARRAY, field, "an array of numbers");
        int n = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            double v = finiteAt(field, n);
            if (n < out.length) {
                out[n] = v;
            }
            n++;
        }
        return n;
    }

    /** The next field's name, its value now the current token; null at the object's end. */
    String nextField() throws IOException {
        if (parser.nextToken() == JsonToken.END_OBJECT) {
            return null;
        }
        String name = parser.currentName();
        parser.nextToken();
        return name;
    }

    /** Moves into a list's next entry, an object named {@code kind} and its index in messages; false at the end. */
    boolean nextObject(String kind, int index) throws IOException {
        if (parser.nextToken() == JsonToken.END_ARRAY) {
            entry(null, 0);
            return false;
        }
        entry(kind, index);
        expect(JsonToken.START_OBJECT, null, "an object");
        return true;
    }

    JsonToken next() throws IOException {
        return parser.nextToken();
    }
}
