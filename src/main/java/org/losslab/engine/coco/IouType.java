package org.losslab.engine.coco;

import java.util.Locale;

/** What COCOeval compares: boxes or masks. */
public enum IouType {
    BBOX, SEGM;

    /** The name pycocotools and the command line use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
