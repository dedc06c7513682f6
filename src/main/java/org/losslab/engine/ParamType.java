package org.losslab.engine;

/** The value types a loss parameter can take; they decide how a scene value is checked and how an editor shows it. */
public enum ParamType {
    /** true or false. */
    BOOLEAN,
    /** a finite real number, optionally within a range. */
    NUMBER,
    /** a whole number. */
    INTEGER,
    /** one word out of a fixed list. */
    CHOICE,
    /** one word out of a fixed list, or a number (smp's {@code zero_division}: "warn" or a value). */
    NUMBER_OR_CHOICE,
    /** a list of whole numbers (class indices). */
    INTEGER_LIST,
    /** a list of finite real numbers (class weights, variances). */
    NUMBER_LIST
}
