package org.losslab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked parameter values of one loss: every declared parameter has a value (given or default),
 * each of the declared type and within its range. Values are plain Java objects: Boolean, Double, Long,
 * String, {@code List<Long>}, {@code List<Double>}, or null.
 */
public final class Params {
    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks raw values (as read from JSON: Boolean, Number, String, List, null) against the specs and
     * fills in defaults.
     *
     * @throws EngineException naming the loss and parameter, for unknown names, wrong types and
     *                         out-of-range values
     */
    public static Params bind(String owner, List<ParamSpec> specs, Map<String, ?> raw) {
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            byName.put(spec.name(), spec);
        }
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                throw new EngineException(owner + ": unknown parameter '" + key + "' (known: "
                        + String.join(", ", byName.keySet()) + ")");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            Object value = raw.containsKey(spec.name()) ? raw.get(spec.name()) : spec.defaultValue();
            values.put(spec.name(), check(owner, spec, value));
        }
        return new Params(values);
    }

    /** The defaults of every parameter. */
    public static Params defaults(String owner, List<ParamSpec> specs) {
        return bind(owner, specs, Map.of());
    }

    /** A copy with one parameter changed (checked like a scene value). */
    public Params with(String owner, List<ParamSpec> specs, String name, Object value) {
        Map<String, Object> raw = new LinkedHashMap<>(values);
        raw.put(name, value);
        return bind(owner, specs, raw);
    }

    private static Object check(String owner, ParamSpec spec, Object value) {
        String where = owner + "." + spec.name();
        if (value == null) {
            if (spec.nullable()) {
                return null;
            }
            throw new EngineException(where + ": must not be null");
        }
        switch (spec.type()) {
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                throw new EngineException(where + ": expected true or false, got " + describe(value));
            case NUMBER:
                return checkNumber(where, spec, value);
            case INTEGER:
                return checkInteger(where, spec, value);
            case CHOICE:
                if (value instanceof String && spec.choices().contains(value)) {
                    return value;
                }
                throw new EngineException(where + ": expected one of " + spec.choices() + ", got " + describe(value));
            case NUMBER_OR_CHOICE:
                if (value instanceof String && spec.choices().contains(value)) {
                    return value;
                }
                if (value instanceof Number) {
                    return checkNumber(where, spec, value);
                }
                throw new EngineException(where + ": expected a number or one of " + spec.choices() + ", got "
                        + describe(value));
            case INTEGER_LIST:
                return checkList(where, spec, value, true);
            case NUMBER_LIST:
                return checkList(where, spec, value, false);
            default:
                throw new IllegalStateException(spec.type().toString());
        }
    }

    private static Double checkNumber(String where, ParamSpec spec, Object value) {
        if (!(value instanceof Number)) {
            throw new EngineException(where + ": expected a number, got " + describe(value));
        }
        double d = ((Number) value).doubleValue();
        if (!Double.isFinite(d)) {
            throw new EngineException(where + ": expected a finite number, got " + d);
        }
        if (d < spec.min() || d > spec.max()) {
            throw new EngineException(where + ": " + d + " is outside [" + spec.min() + ", " + spec.max() + "]");
        }
        return d;
    }

    private static Long checkInteger(String where, ParamSpec spec, Object value) {
        if (!(value instanceof Number) || ((Number) value).doubleValue() != Math.rint(((Number) value).doubleValue())) {
            throw new EngineException(where + ": expected a whole number, got " + describe(value));
        }
        double d = ((Number) value).doubleValue();
        if (d < spec.min() || d > spec.max()) {
            // compared as a double first: 1e308 would otherwise become Long.MAX_VALUE
            throw new EngineException(where + ": " + describe(value) + " is outside [" + (long) spec.min() + ", "
                    + (long) spec.max() + "]");
        }
        long v = ((Number) value).longValue();
        if (v < spec.min() || v > spec.max()) {
            throw new EngineException(where + ": " + v + " is outside [" + (long) spec.min() + ", " + (long) spec.max() + "]");
        }
        return v;
    }

    private static List<?> checkList(String where, ParamSpec spec, Object value, boolean integers) {
        if (!(value instanceof List)) {
            throw new EngineException(where + ": expected a list, got " + describe(value));
        }
        List<Object> out = new ArrayList<>();
        int i = 0;
        for (Object item : (List<?>) value) {
            String itemWhere = where + "[" + i++ + "]";
            // not a ?: expression: that would unbox both branches to double
            if (integers) {
                out.add(checkInteger(itemWhere, spec, item));
            } else {
                out.add(checkNumber(itemWhere, spec, item));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static String describe(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    /** Every value by name, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    public Object raw(String name) {
        requireDeclared(name);
        return values.get(name);
    }

    public boolean bool(String name) {
        return (Boolean) raw(name);
    }

    public double number(String name) {
        return (Double) raw(name);
    }

    /** A nullable number: null means the feature is off. */
    public Double optionalNumber(String name) {
        return (Double) raw(name);
    }

    public long integer(String name) {
        return (Long) raw(name);
    }

    /** A nullable whole number such as {@code ignore_index}. */
    public Long optionalInteger(String name) {
        return (Long) raw(name);
    }

    public String choice(String name) {
        return (String) raw(name);
    }

    /** A list of whole numbers, or null when not given. */
    public int[] integers(String name) {
        List<?> list = (List<?>) raw(name);
        if (list == null) {
            return null;
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Long) list.get(i)).intValue();
        }
        return out;
    }

    /** A list of numbers, or null when not given. */
    public double[] numbers(String name) {
        List<?> list = (List<?>) raw(name);
        if (list == null) {
            return null;
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Double) list.get(i);
        }
        return out;
    }

    private void requireDeclared(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("parameter not declared: " + name);
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
