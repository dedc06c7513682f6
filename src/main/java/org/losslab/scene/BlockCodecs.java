package org.losslab.scene;

import java.util.List;
import org.losslab.engine.Domain;

/** The codecs of the input blocks a scene file can hold. */
public final class BlockCodecs {
    private static final List<BlockCodec<?>> ALL = List.of(new SegmentationCodec(), new BoxesCodec(),
            new ClassificationCodec(), new MultiboxCodec(), new DetectionsCodec(), new DenseCodec(),
            new DistributionsCodec(), new ImageCodec());

    private BlockCodecs() {
    }

    /** The codec of a block name, or null for a block the engine does not read. */
    public static BlockCodec<?> byName(String name) {
        for (BlockCodec<?> codec : ALL) {
            if (codec.domain().block().equals(name)) {
                return codec;
            }
        }
        return null;
    }

    public static BlockCodec<?> of(Domain<?> domain) {
        for (BlockCodec<?> codec : ALL) {
            if (codec.domain() == domain) {
                return codec;
            }
        }
        throw new IllegalArgumentException("no codec for " + domain);
    }
}
