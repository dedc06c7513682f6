package org.losslab.engine.maps;

import java.util.Map;
import org.losslab.engine.Params;

/**
 * The parameters of the teaching maps. Their defaults are the registry's defaults of the entries they follow (a test
 * holds them equal), so a map and the table's value of one entry never disagree before the user sets anything.
 *
 * @param focalGamma         focal loss gamma (2, Lin et al.)
 * @param focalAlpha         focal alpha, or null for none
 * @param tverskyAlpha       Tversky alpha (false positives)
 * @param tverskyBeta        Tversky beta (false negatives)
 * @param focalTverskyGamma  the exponent of the Focal Tversky map (Tversky's gamma: 1, the plain Tversky loss)
 * @param unetW0             U-Net border weight (10)
 * @param unetSigma          U-Net border width in pixels (5)
 * @param dilationRatio      Boundary IoU band width as a share of the diagonal (0.02)
 * @param threshold          probability threshold of hard predictions (0.5)
 * @param ignoreIndex        target value to ignore, or null
 */
public record MapSettings(double focalGamma, Double focalAlpha, double tverskyAlpha, double tverskyBeta,
                          double focalTverskyGamma, double unetW0, double unetSigma, double dilationRatio,
                          double threshold, Long ignoreIndex) {

    public static MapSettings defaults() {
        return new MapSettings(2.0, null, 0.5, 0.5, 1.0, 10, 5, 0.02, 0.5, 255L);
    }

    /**
     * The settings that follow the losses' parameters, as the segmentation workspace draws its maps: focal's
     * gamma and alpha, Tversky's alpha, beta and gamma, Boundary IoU's dilation ratio and iou_score's
     * threshold; U-Net's w0 and sigma (unet_ce's).
     */
    public static MapSettings fromParams(Map<String, Params> params) {
        Params focal = params.get("focal");
        Params tversky = params.get("tversky");
        Params unet = params.get("unet_ce");
        return new MapSettings(focal.number("gamma"), focal.optionalNumber("alpha"), tversky.number("alpha"),
                tversky.number("beta"), tversky.number("gamma"), unet.number("w0"), unet.number("sigma"),
                params.get("boundary_iou").number("dilation_ratio"),
                params.get("iou_score").number("threshold"), 255L);
    }

    public MapSettings withTversky(double alpha, double beta) {
        return new MapSettings(focalGamma, focalAlpha, alpha, beta, focalTverskyGamma, unetW0, unetSigma, dilationRatio,
                threshold, ignoreIndex);
    }

    public MapSettings withFocalGamma(double gamma) {
        return new MapSettings(gamma, focalAlpha, tverskyAlpha, tverskyBeta, focalTverskyGamma, unetW0, unetSigma,
                dilationRatio, threshold, ignoreIndex);
    }
}
