package org.losslab.scene;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A small streaming JSON tokenizer for the big COCO files: bytes from a 64 KiB buffer, field names shared from a
 * little cache (no string a field), strings and numbers kept as characters until asked for; numbers become doubles
 * exactly as Java and Python read them (an exact fast path, else Jackson's bundled correctly rounded parser).
 * About three times less work than Jackson's general parser on a cold JVM, which is what a command's run is.
 * The subset of Jackson's {@code JsonParser} the readers use, with its {@link JsonToken}s.
 */
final class JsonScanner implements AutoCloseable {
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final int EOF = -1;

    private final InputStream in;
    private final String file;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long consumed;
    /** Open containers, true for an object. */
    private boolean[] objects = new boolean[32];
    private int depth;
    private boolean needComma;
    private boolean afterName;
    private boolean started;
    private JsonToken token;
    private String name;
    private char[] text = new char[256];
    private int textLength;
    /** Number: its digits (up to 19) as a long, how many significant digits, and the power of ten to apply. */
    private long mantissa;
    private int digits;
    private int exponent;
    private boolean negative;
    private final String[] names = new String[256];

    JsonScanner(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    JsonToken currentToken() {
        return token;
    }

    String currentName() {
        return name;
    }

    char[] getTextCharacters() {
        return text;
    }

    int getTextOffset() {
        return 0;
    }

    int getTextLength() {
        return textLength;
    }

    /** The token's text: a string's value or a number as written. */
    String getText() {
        return token == JsonToken.FIELD_NAME ? name : new String(text, 0, textLength);
    }

    /** A whole number's value; an error past 18 digits. */
    long getLongValue() {
        if (digits > 18) {
            throw new SceneException(file + ": " + getText() + " is too large a whole number");
        }
        return negative ? -mantissa : mantissa;
    }

    double getDoubleValue() {
        if (digits <= 15 && exponent >= -22 && exponent <= 22) {
            // both the digits and 10^|e| are exact doubles: one correctly rounded operation
            double v = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
            return negative ? -v : v;
        }
        return NumberInput.parseDouble(text, 0, textLength, true);
    }

    /** Skips the object or array just opened, up to its end. */
    void skipChildren() throws IOException {
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return;
        }
        int level = depth;
        while (depth >= level) {
            nextToken();
        }
    }

    JsonToken nextToken() throws IOException {
        int c = skipSpace();
        if (afterName) {
            if (c != ':') {
                throw error("expected ':' after a field name");
            }
            afterName = false;
            return token = value(skipSpace());
        }
        if (depth == 0) {
            if (started) {
                if (c != EOF) {
                    throw error("text after the document");
                }
                return token = null;
            }
            started = true;
            return token = value(c);
        }
        if (c == '}' || c == ']') {
            if (objects[depth - 1] != (c == '}')) {
                throw error("'" + (char) c + "' does not close the open " + (objects[depth - 1] ? "object" : "array"));
            }
            depth--;
            needComma = true;
            return token = c == '}' ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
        }
        if (needComma) {
            if (c != ',') {
                throw error(c == EOF ? "the file ends inside " + (objects[depth - 1] ? "an object" : "an array")
                        : "expected ',' or the container's end");
            }
            c = skipSpace();
        }
        needComma = true;
        if (objects[depth - 1]) {
            if (c != '"') {
                throw error("expected a field name");
            }
            name = fieldName();
            afterName = true;
            return token = JsonToken.FIELD_NAME;
        }
        return token = value(c);
    }

    private JsonToken value(int c) throws IOException {
        switch (c) {
            case '{', '[' -> {
                if (depth == objects.length) {
                    objects = Arrays.copyOf(objects, depth * 2);
                }
                objects[depth++] = c == '{';
                needComma = false;
                return c == '{' ? JsonToken.START_OBJECT : JsonToken.START_ARRAY;
            }
            case '"' -> {
                string();
                return JsonToken.VALUE_STRING;
            }
            case 't' -> {
                literal("rue");
                return JsonToken.VALUE_TRUE;
            }
            case 'f' -> {
                literal("alse");
                return JsonToken.VALUE_FALSE;
            }
            case 'n' -> {
                literal("ull");
                return JsonToken.VALUE_NULL;
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number(c);
                }
                throw error(c == EOF ? "the file ends where a value should be" : "unexpected character '" + (char) c + "'");
            }
        }
    }

    private JsonToken number(int first) throws IOException {
        textLength = 0;
        negative = first == '-';
        mantissa = 0;
        digits = 0;
        exponent = 0;
        int c = first;
        if (negative) {
            append('-');
            c = read();
        }
        int integerDigits = digitRun(c, false);
        if (integerDigits == 0) {
            throw error("a number without digits");
        }
        c = peek();
        boolean whole = true;
        if (c == '.') {
            whole = false;
            append((char) read());
            if (digitRun(read(), true) == 0) {
                throw error("a number with no digit after its point");
            }
            c = peek();
        }
        if (c == 'e' || c == 'E') {
            whole = false;
            append((char) read());
            c = read();
            boolean minus = c == '-';
            if (c == '+' || c == '-') {
                append((char) c);
                c = read();
            }
            int e = 0;
            int n = 0;
            while (c >= '0' && c <= '9') {
                append((char) c);
                e = Math.min(e * 10 + (c - '0'), 100_000);
                n++;
                c = peek() >= '0' && peek() <= '9' ? read() : -2;
            }
            if (n == 0) {
                throw error("a number with no digit in its exponent");
            }
            exponent += minus ? -e : e;
        }
        return whole ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** Reads digits starting with c into the text and the mantissa; returns how many. */
    private int digitRun(int c, boolean fraction) throws IOException {
        int n = 0;
        while (c >= '0' && c <= '9') {
            append((char) c);
            if (digits < 19) {
                if (mantissa != 0 || c != '0') {
                    mantissa = mantissa * 10 + (c - '0');
                    digits++;
                }
                if (fraction) {
                    exponent--;
                }
            } else {
                digits++; // beyond what a long holds exactly: the slow path reads the text
                if (!fraction) {
                    exponent++;
                }
            }
            n++;
            int next = peek();
            if (next < '0' || next > '9') {
                break;
            }
            c = read();
        }
        return n;
    }

    private void string() throws IOException {
        textLength = 0;
        while (true) {
            copyPlainRun();
            int c = read();
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                c = escape();
            } else if (c < 0x20) {
                throw error(c == EOF ? "the file ends inside a string" : "a control character inside a string");
            }
            append((char) c); // bytes above 127 kept one char each: COCO's fields of interest are ASCII
        }
    }

    /** Copies the buffered run of plain characters (no quote, backslash or control) in one tight loop. */
    private void copyPlainRun() {
        int end = position;
        while (end < limit) {
            int b = buffer[end] & 0xff;
            if (b == '"' || b == '\\' || b < 0x20) {
                break;
            }
            end++;
        }
        int n = end - position;
        if (textLength + n > text.length) {
            text = Arrays.copyOf(text, Math.max(textLength + n, text.length * 2));
        }
        for (int i = 0; i < n; i++) {
            text[textLength + i] = (char) (buffer[position + i] & 0xff);
        }
        textLength += n;
        position = end;
    }

    private int escape() throws IOException {
        int c = read();
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(read(), 16);
                    if (d < 0) {
                        throw error("a bad \\u escape");
                    }
                    v = v * 16 + d;
                }
                yield v;
            }
            default -> throw error("a bad escape in a string");
        };
    }

    /** A field name, shared with the last one of the same characters (a field is not a new string). */
    private String fieldName() throws IOException {
        string();
        int hash = 0;
        for (int i = 0; i < textLength; i++) {
            hash = 31 * hash + text[i];
        }
        int slot = hash & (names.length - 1);
        String cached = names[slot];
        if (cached != null && cached.length() == textLength) {
            boolean same = true;
            for (int i = 0; i < textLength && same; i++) {
                same = cached.charAt(i) == text[i];
            }
            if (same) {
                return cached;
            }
        }
        String fresh = new String(text, 0, textLength);
        names[slot] = fresh;
        return fresh;
    }

    private void literal(String rest) throws IOException {
        for (int i = 0; i < rest.length(); i++) {
            if (read() != rest.charAt(i)) {
                throw error("unexpected word");
            }
        }
    }

    private void append(char c) {
        if (textLength == text.length) {
            text = Arrays.copyOf(text, textLength * 2);
        }
        text[textLength++] = c;
    }

    private int skipSpace() throws IOException {
        while (true) {
            int c = read();
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
        }
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++] & 0xff;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position] & 0xff;
    }

    private boolean fill() throws IOException {
        consumed += limit;
        position = 0;
        limit = Math.max(0, in.read(buffer));
        return limit > 0;
    }

    private SceneException error(String what) {
        return new SceneException(file + ": not valid JSON at byte " + (consumed + position) + ": " + what);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
