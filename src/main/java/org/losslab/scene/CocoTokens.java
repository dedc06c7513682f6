package org.losslab.scene;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** The COCO readers' streaming helpers: typed values that name the file and the entry when they are wrong. */
final class CocoTokens {
    final JsonParser parser;
    final String file;

    CocoTokens(JsonParser parser, String file) {
        this.parser = parser;
        this.file = file;
    }

    SceneException error(String where, String what) {
        return new SceneException(file + ": " + where + ": " + what);
    }

    void expect(JsonToken token, String where, String what) throws IOException {
        if (parser.currentToken() != token) {
            throw error(where, "expected " + what + ", got " + describe());
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
    long id(String where) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            try {
                return parser.getLongValue();
            } catch (com.fasterxml.jackson.core.exc.InputCoercionException e) {
                throw error(where, "id " + parser.getText() + " is too large");
            }
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double v = parser.getDoubleValue();
            if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
                return (long) v;
            }
        }
        throw error(where, "expected a whole number, got " + (t != null && t.isNumeric() ? parser.getText() : describe()));
    }

    double finite(String where) throws IOException {
        if (!parser.currentToken().isNumeric()) {
            throw error(where, "expected a number, got " + describe());
        }
        double v = parser.getDoubleValue();
        if (!Double.isFinite(v)) {
            throw error(where, v + " is not a finite number");
        }
        return v;
    }

    /** A flag as Python's truth: a number not 0 or true. */
    boolean flag(String where) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        return finite(where) != 0;
    }

    /** An int dimension, 1 to 2^31 - 1. */
    int dimension(String where) throws IOException {
        long v = id(where);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw error(where, v + " is not a size in pixels");
        }
        return (int) v;
    }

    /** Reads an array of numbers into {@code out} from index 0; returns how many (at most out.length + 1 read). */
    int numbers(String where, double[] out) throws IOException {
        expect(JsonToken.START_ARRAY, where, "an array of numbers");
        int n = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            double v = finite(where + "[" + n + "]");
            if (n < out.length) {
                out[n] = v;
            }
            n++;
        }
        return n;
    }

    JsonToken next() throws IOException {
        return parser.nextToken();
    }
}
