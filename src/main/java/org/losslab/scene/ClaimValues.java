package org.losslab.scene;

/**
 * A namespace of values a lesson can name: in a step's {@code claims}, in a task's {@code until} and in
 * a caption's {@code {value:NAME}}. A name is {@code PREFIX:NAME} ("race:ciou") or, without a colon, a
 * name in the default namespace {@link SegmentationValues} (a segmentation registry entry's value such as
 * "cldice_score", or a parameter such as "tversky.alpha").
 *
 * <p>To add a namespace, implement this interface and add one instance to {@link Claims#NAMESPACES}:
 * {@code lessons --check}, the captions and the README's rules then apply to it with no other change.
 *
 * <p>Contract: {@link #check} runs when a lesson is read, without a scene, and rejects a name that can
 * never be computed (unknown entry, a parameter that is not a number, a value of another domain); it must
 * be cheap. {@link #value} computes the value on the state a step sets up; it may be costly (it is called
 * once per claim and placeholder by {@code lessons --check}) and throws
 * {@link org.losslab.engine.EngineException} with one line saying why when the value cannot be computed on
 * that state (an entry that does not apply to the scene, a class outside it).
 */
public interface ClaimValues {

    /** The word before the colon ("race"); "" for the default namespace, whose names carry no prefix. */
    String prefix();

    /**
     * Rejects, with an {@link org.losslab.engine.EngineException} saying why, a name this namespace can never
     * compute; {@code forTask} is true for a task's {@code until}, read live by the lesson window.
     */
    void check(String name, boolean forTask);

    /** The value of {@code name} (without the prefix) on the state a step sets up; NaN never holds a claim. */
    double value(StepScene scene, String name);
}
