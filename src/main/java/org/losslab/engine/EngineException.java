package org.losslab.engine;

/** A problem with the input or parameters of a computation, phrased for the user and naming the field. */
public class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }
}
