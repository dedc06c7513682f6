package org.losslab.engine;

import java.util.List;

/**
 * One typed, documented parameter of a loss or metric: what the scene parser checks, what an editor
 * shows and what a sweep can vary.
 *
 * @param name         the parameter's name as in smp / torchvision
 * @param type         its value type
 * @param defaultValue the value used when the scene does not give one (may be null when nullable)
 * @param nullable     whether {@code null} is a legal value (meaning "off")
 * @param min          the smallest legal value of a NUMBER or INTEGER (inclusive)
 * @param max          the largest legal value (inclusive)
 * @param choices      the legal words of a CHOICE or NUMBER_OR_CHOICE
 * @param description  one line for tooltips and the README
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, boolean nullable,
                        double min, double max, List<String> choices, String description) {

    public static ParamSpec bool(String name, boolean def, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, def, false, 0, 1, List.of(), description);
    }

    public static ParamSpec number(String name, double def, double min, double max, String description) {
        return new ParamSpec(name, ParamType.NUMBER, def, false, min, max, List.of(), description);
    }

    public static ParamSpec optionalNumber(String name, Double def, double min, double max, String description) {
        return new ParamSpec(name, ParamType.NUMBER, def, true, min, max, List.of(), description);
    }

    public static ParamSpec integer(String name, long def, long min, long max, String description) {
        return new ParamSpec(name, ParamType.INTEGER, def, false, min, max, List.of(), description);
    }

    public static ParamSpec optionalInteger(String name, Long def, String description) {
        return new ParamSpec(name, ParamType.INTEGER, def, true, Integer.MIN_VALUE, Integer.MAX_VALUE, List.of(), description);
    }

    public static ParamSpec choice(String name, String def, List<String> choices, String description) {
        return new ParamSpec(name, ParamType.CHOICE, def, false, 0, 0, List.copyOf(choices), description);
    }

    public static ParamSpec numberOrChoice(String name, Object def, List<String> choices, double min, double max,
                                           String description) {
        return new ParamSpec(name, ParamType.NUMBER_OR_CHOICE, def, false, min, max, List.copyOf(choices), description);
    }

    public static ParamSpec integerList(String name, String description) {
        return new ParamSpec(name, ParamType.INTEGER_LIST, null, true, 0, Integer.MAX_VALUE, List.of(), description);
    }

    public static ParamSpec numberList(String name, List<Double> def, double min, double max, String description) {
        return new ParamSpec(name, ParamType.NUMBER_LIST, def, def == null, min, max, List.of(), description);
    }

    /** A copy with another default, for losses that share a parameter but not its default. */
    public ParamSpec withDefault(Object newDefault) {
        return new ParamSpec(name, type, newDefault, nullable, min, max, choices, description);
    }
}
