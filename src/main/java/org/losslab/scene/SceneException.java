package org.losslab.scene;

import org.losslab.engine.EngineException;

/** A scene file that cannot be read; the message names the field. */
public class SceneException extends EngineException {
    public SceneException(String message) {
        super(message);
    }
}
