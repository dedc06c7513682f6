package org.losslab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.losslab.engine.LossSpec.Kind;
import org.losslab.engine.LossSpec.Role;
import org.losslab.engine.box.AlphaIouLoss;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.box.CoordinateLoss;
import org.losslab.engine.box.EiouLoss;
import org.losslab.engine.box.IouFamilyLoss;
import org.losslab.engine.box.NwdLoss;
import org.losslab.engine.box.SigmoidFocalLoss;
import org.losslab.engine.box.SiouLoss;
import org.losslab.engine.dense.DistributionFocalLoss;
import org.losslab.engine.dense.QualityFocalLoss;
import org.losslab.engine.dense.VarifocalLoss;
import org.losslab.engine.detect.DetectionMetric;
import org.losslab.engine.distance.BoundaryLoss;
import org.losslab.engine.distance.ClDiceLoss;
import org.losslab.engine.distance.ClDiceMetric;
import org.losslab.engine.distance.HausdorffDtLoss;
import org.losslab.engine.distance.SurfaceDistanceMetric;
import org.losslab.engine.maps.UnetCrossEntropyLoss;
import org.losslab.engine.seg.BceLoss;
import org.losslab.engine.seg.BoundaryIouMetric;
import org.losslab.engine.seg.CompositeLoss;
import org.losslab.engine.seg.ConfusionMetric;
import org.losslab.engine.seg.CrossEntropyLoss;
import org.losslab.engine.seg.FocalLoss;
import org.losslab.engine.seg.GeneralizedDiceLoss;
import org.losslab.engine.seg.LovaszLoss;
import org.losslab.engine.seg.MccLoss;
import org.losslab.engine.seg.ProbabilityMaeLoss;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.seg.TopKCrossEntropyLoss;
import org.losslab.engine.seg.TverskyLoss;
import org.losslab.engine.seg.TverskyLoss.Variant;
import org.losslab.engine.seg.ValidCrossEntropyLoss;
import org.losslab.engine.ssd.MultiboxLoss;

/**
 * The one list of every loss and metric LossLab knows: the scene reader, {@code eval}, the parameter
 * editors and the plots all look entries up here. Adding a loss is one class and one line below.
 */
public final class LossRegistry {
    private static final Map<String, LossSpec<?>> ENTRIES = new LinkedHashMap<>();
    private static final Predicate<SegmentationData> NOT_MULTICLASS = d -> d.mode() != SegMode.MULTICLASS;
    private static final String NEEDS_SIGMOID = "needs a binary or multilabel scene (sigmoid outputs)";

    static {
        Domain<SegmentationData> seg = Domains.SEGMENTATION;
        register(new LossSpec<>("dice", seg, Kind.LOSS, "Soft Dice loss (smp DiceLoss): overlap over mean size.",
                "1 - (TP + s) / (TP + (FP + FN)/2 + s), per class, mean over classes present in the target",
                TverskyLoss.params(Variant.DICE), new TverskyLoss(Variant.DICE)).as(Role.PLOTTED, Role.LIVE, Role.TRAINED_BY_DEFAULT, Role.VOXELWISE));
        register(new LossSpec<>("jaccard", seg, Kind.LOSS, "Soft Jaccard / IoU loss (smp JaccardLoss).",
                "1 - (TP + s) / (TP + FP + FN + s), per class, mean over classes present in the target",
                TverskyLoss.params(Variant.JACCARD), new TverskyLoss(Variant.JACCARD)).as(Role.PLOTTED, Role.LIVE, Role.VOXELWISE));
        register(new LossSpec<>("tversky", seg, Kind.LOSS,
                "Tversky loss (smp TverskyLoss): alpha weighs false positives, beta false negatives; gamma != 1 is Focal Tversky.",
                "(mean_c [1 - (TP + s) / (TP + a FP + b FN + s)])^gamma",
                TverskyLoss.params(Variant.TVERSKY), new TverskyLoss(Variant.TVERSKY))
                .as(Role.PLOTTED, Role.LIVE, Role.FALSE_POSITIVE_NEGATIVE_WEIGHTS, Role.VOXELWISE));
        register(new LossSpec<>("focal", seg, Kind.LOSS,
                "Focal loss (smp FocalLoss): cross-entropy scaled down where the prediction is already right.",
                "-(1 - p_t)^gamma log(p_t) x (alpha t + (1 - alpha)(1 - t)), mean over pixels",
                FocalLoss.params(), new FocalLoss()).as(Role.PLOTTED, Role.LIVE, Role.FOCUSING, Role.VOXELWISE));
        register(new LossSpec<>("lovasz", seg, Kind.LOSS,
                "Lovasz hinge / Lovasz-Softmax loss (smp LovaszLoss): a convex surrogate of the Jaccard loss.",
                "sum_r relu(e_(r)) (J_r - J_(r-1)), errors e sorted descending",
                LovaszLoss.params(), new LovaszLoss()).as(Role.VOXELWISE));
        register(new LossSpec<>("bce", seg, Kind.LOSS,
                "Binary cross-entropy on logits (smp SoftBCEWithLogitsLoss), with label smoothing and pos_weight.",
                "(1 - t') z + (1 + (w - 1) t') log(1 + exp(-z))",
                BceLoss.params(), new BceLoss()).onlyFor(NOT_MULTICLASS, NEEDS_SIGMOID)
                .as(Role.PLOTTED, Role.LIVE, Role.TRAINED_BY_DEFAULT, Role.VOXELWISE));
        register(new LossSpec<>("ce", seg, Kind.LOSS,
                "Softmax cross-entropy (smp SoftCrossEntropyLoss) with label smoothing.",
                "(1 - s)(-log p_t) + (s / C) sum_k (-log p_k)",
                CrossEntropyLoss.params(), new CrossEntropyLoss()).onlyFor(d -> d.mode() == SegMode.MULTICLASS,
                "needs a multiclass scene").as(Role.PLOTTED, Role.LIVE, Role.VOXELWISE));
        register(new LossSpec<>("mae_prob", seg, Kind.LOSS,
                "Cross-entropy without the log: mean absolute error between probabilities (sigmoid or softmax) and the "
                        + "one-hot target; bounded and robust to flipped labels, but slow on confident mistakes.",
                "1 - p_t = |sigmoid(z) - t| (sigmoid), (1/2) sum_c |softmax(z)_c - t_c| (softmax), mean over valid pixels",
                ProbabilityMaeLoss.params(), new ProbabilityMaeLoss()).as(Role.VOXELWISE));
        register(new LossSpec<>("unet_ce", seg, Kind.LOSS,
                "U-Net's weighted cross-entropy (Ronneberger et al. 2015): each pixel's cross-entropy times a weight that "
                        + "balances the classes and rises between close objects, so the network learns to separate them.",
                "w(x) CE(x), w = w_c + w0 exp(-(d1 + d2)^2 / (2 sigma^2)) on the background, mean over valid pixels",
                UnetCrossEntropyLoss.params(), new UnetCrossEntropyLoss()).onlyFor(d -> d.mode() != SegMode.MULTILABEL,
                "needs a binary or multiclass scene (one class per pixel)"));
        register(new LossSpec<>("mcc", seg, Kind.LOSS,
                "Matthews correlation coefficient loss (smp MCCLoss) on soft counts.",
                "1 - (TP TN - FP FN) / sqrt((TP + FP)(TP + FN)(TN + FP)(TN + FN))",
                MccLoss.params(), new MccLoss()).onlyFor(NOT_MULTICLASS, NEEDS_SIGMOID).as(Role.VOXELWISE));
        register(new LossSpec<>("dice_ce", seg, Kind.LOSS,
                "XEDice: weighted sum of cross-entropy (mean over valid pixels) and Dice, as in the DrivenData flood-water benchmark.",
                "ce_weight x CE + dice_weight x Dice", CombinedLosses.diceCeParams(), CombinedLosses.diceCe()).as(Role.VOXELWISE));
        register(new LossSpec<>("dice_focal", seg, Kind.LOSS, "Weighted sum of Dice and focal loss.",
                "dice_weight x Dice + focal_weight x Focal", CombinedLosses.diceFocalParams(), CombinedLosses.diceFocal()).as(Role.VOXELWISE));
        register(new LossSpec<>("generalized_dice", seg, Kind.LOSS,
                "Generalized Dice loss (Sudre et al. 2017): classes weighted by 1 / (target volume)^2.",
                "1 - (2 sum_c w_c I_c + s) / (sum_c w_c (P_c + T_c) + s), w_c = 1 / T_c^2",
                GeneralizedDiceLoss.params(), new GeneralizedDiceLoss()).as(Role.VOXELWISE));
        for (ConfusionMetric.Formula formula : ConfusionMetric.Formula.values()) {
            register(new LossSpec<>(formula.key, seg, Kind.METRIC,
                    "smp metric " + formula.key + " on thresholded predictions.", formula.text,
                    ConfusionMetric.params(formula), new ConfusionMetric(formula)).as(Role.VOXELWISE));
        }
        register(new LossSpec<>("boundary_iou", seg, Kind.METRIC,
                "Boundary IoU (Cheng et al. 2021): IoU of the bands along the target and predicted boundaries.",
                "|B(G) and B(P)| / |B(G) or B(P)|, B = mask minus its erosion",
                BoundaryIouMetric.params(), new BoundaryIouMetric()).onlyFor(d -> d.mode() == SegMode.BINARY,
                "needs a binary scene").as(Role.LIVE));

        registerDistanceEntries(seg);

        Domain<BoxPairs> boxes = Domains.BOXES;
        register(new LossSpec<>("iou", boxes, Kind.LOSS, "IoU loss: one minus the overlap ratio; flat (zero gradient) once boxes are apart.",
                "1 - I / (U + eps)", IouFamilyLoss.params(), new IouFamilyLoss(IouFamilyLoss.Variant.IOU)).plotted());
        register(new LossSpec<>("giou", boxes, Kind.LOSS, "Generalized IoU loss (torchvision generalized_box_iou_loss).",
                "1 - IoU + (C - U) / (C + eps), C = enclosing box area", IouFamilyLoss.params(),
                new IouFamilyLoss(IouFamilyLoss.Variant.GIOU)).as(Role.PLOTTED, Role.SEES_APART_BOXES));
        register(new LossSpec<>("diou", boxes, Kind.LOSS, "Distance IoU loss (torchvision distance_box_iou_loss).",
                "1 - IoU + d^2 / (c^2 + eps), d = centre distance, c = enclosing diagonal", IouFamilyLoss.params(),
                new IouFamilyLoss(IouFamilyLoss.Variant.DIOU)).as(Role.PLOTTED, Role.SEES_APART_BOXES));
        register(new LossSpec<>("ciou", boxes, Kind.LOSS, "Complete IoU loss (torchvision complete_box_iou_loss).",
                "DIoU + alpha v, v = 4/pi^2 (atan(wg/hg) - atan(w/h))^2, alpha = v / (1 - IoU + v + eps)",
                IouFamilyLoss.params(), new IouFamilyLoss(IouFamilyLoss.Variant.CIOU)).plotted());
        register(new LossSpec<>("eiou", boxes, Kind.LOSS,
                "Efficient IoU loss (Zhang et al. 2021): DIoU plus width and height gaps over the enclosing box's sides.",
                "1 - IoU + d^2 / c^2 + (w - wg)^2 / cw^2 + (h - hg)^2 / ch^2", EiouLoss.params(), new EiouLoss()).plotted());
        register(new LossSpec<>("siou", boxes, Kind.LOSS,
                "SCYLLA-IoU loss (Gevorgyan 2022, mmdetection): IoU with an angle-aware distance cost and a shape cost.",
                "1 - clamp(IoU - (distance cost + shape cost) / 2, -1, 1)", SiouLoss.params(), new SiouLoss()).plotted());
        register(new LossSpec<>("alpha_iou", boxes, Kind.LOSS,
                "Alpha-IoU loss (He et al. 2021): IoU and penalty terms raised to the power alpha.",
                "1 - IoU^alpha + penalty^alpha (of the chosen variant)", AlphaIouLoss.params(), new AlphaIouLoss()));
        register(new LossSpec<>("nwd", boxes, Kind.LOSS,
                "Normalized Wasserstein distance loss (Wang et al. 2021) for tiny objects: boxes as Gaussians.",
                "1 - exp(-sqrt(W2) / C), W2 = |centre gap|^2 + ((w1 - w2)^2 + (h1 - h2)^2) / 4", NwdLoss.params(),
                new NwdLoss()).plotted());
        register(new LossSpec<>("smooth_l1", boxes, Kind.LOSS, "Smooth L1 on the coordinates (torch smooth_l1_loss).",
                "0.5 d^2 / beta if |d| < beta else |d| - beta / 2", CoordinateLoss.params(true), new CoordinateLoss(true))
                .as(Role.PLOTTED, Role.UNBOUNDED));
        register(new LossSpec<>("l1", boxes, Kind.LOSS, "L1 on the coordinates (torch l1_loss).", "|d|",
                CoordinateLoss.params(false), new CoordinateLoss(false)).as(Role.UNBOUNDED));
        register(new LossSpec<>("sigmoid_focal", Domains.CLASSIFICATION, Kind.LOSS,
                "Sigmoid focal loss of RetinaNet (torchvision sigmoid_focal_loss).",
                "alpha_t (1 - p_t)^gamma BCE(z, t)", SigmoidFocalLoss.params(), new SigmoidFocalLoss()).as(Role.FOCUSING));
        register(new LossSpec<>("quality_focal", Domains.DENSE, Kind.LOSS,
                "Quality focal loss (GFL, mmdetection): the class score is trained towards the box's IoU.",
                "BCE(z, IoU) |IoU - sigma(z)|^beta at a positive's class, BCE(z, 0) sigma(z)^beta elsewhere",
                QualityFocalLoss.params(), new QualityFocalLoss()));
        register(new LossSpec<>("varifocal", Domains.DENSE, Kind.LOSS,
                "Varifocal loss (VarifocalNet, mmdetection): IoU-aware BCE that down-weights only the negatives.",
                "BCE(z, q) q at positives, BCE(z, 0) alpha sigma(z)^gamma at negatives",
                VarifocalLoss.params(), new VarifocalLoss()));
        register(new LossSpec<>("dfl", Domains.DISTRIBUTIONS, Kind.LOSS,
                "Distribution focal loss (GFL; YOLOv8's dfl_loss): each box side as a distribution over bins.",
                "CE(l) (l + 1 - t) + CE(l + 1) (t - l), l = floor(t)", DistributionFocalLoss.params(),
                new DistributionFocalLoss()).as(Role.SIDE_DISTRIBUTIONS));
        register(new LossSpec<>("multibox", Domains.MULTIBOX, Kind.LOSS,
                "SSD MultiBox loss: matching, localisation loss on positives, cross-entropy with hard negative mining.",
                "(CE(positives) + CE(hardest negatives)) / N_pos + alpha L_loc", MultiboxLoss.params(), new MultiboxLoss()));
        register(new LossSpec<>("average_precision", Domains.DETECTIONS, Kind.METRIC,
                "Average precision at one IoU threshold, averaged over the classes in the ground truth (mAP@IoU).",
                "mean_c sum_r (R_r - R_(r-1)) P_interp(R_r)", DetectionMetric.params(false), new DetectionMetric(false)));
        register(new LossSpec<>("map_coco", Domains.DETECTIONS, Kind.METRIC,
                "COCO mAP: 101-point AP averaged over IoU thresholds 0.50:0.05:0.95 and classes.",
                "mean_t mean_c AP101(c, t)", DetectionMetric.params(true), new DetectionMetric(true)));
    }

    /** Distance, boundary and topology entries (CONTRACTS_V2 section 2). */
    private static void registerDistanceEntries(Domain<SegmentationData> seg) {
        Predicate<SegmentationData> binaryOrMulticlass = d -> d.mode() != SegMode.MULTILABEL;
        String needsBinaryOrMulticlass = "needs a binary or multiclass scene";
        for (SurfaceDistanceMetric.Variant variant : SurfaceDistanceMetric.Variant.values()) {
            register(new LossSpec<>(variant.key, seg, Kind.METRIC, variant.summary,
                    variant.formula, SurfaceDistanceMetric.params(variant), new SurfaceDistanceMetric(variant)).as(Role.SURFACE_3D));
        }
        register(new LossSpec<>("cldice_score", seg, Kind.METRIC,
                "clDice metric: how much of each skeleton lies inside the other mask (broken or spurious branches).",
                "2 tprec tsens / (tprec + tsens), tprec = |P and skel(G)| / |skel(G)|, tsens = |G and skel(P)| / |skel(P)|",
                ClDiceMetric.params(), new ClDiceMetric()).onlyFor(d -> d.mode() == SegMode.BINARY, "needs a binary scene"));
        register(new LossSpec<>("hausdorff_dt", seg, Kind.LOSS,
                "Hausdorff distance loss (MONAI HausdorffDTLoss): squared errors weighted by the distance to each boundary.",
                "mean_c mean_px (p - t)^2 (dp^alpha + dt^alpha)", HausdorffDtLoss.params(), new HausdorffDtLoss(false)));
        register(new LossSpec<>("log_hausdorff_dt", seg, Kind.LOSS,
                "Log Hausdorff distance loss (MONAI LogHausdorffDTLoss): the Hausdorff loss on a log scale.",
                "log(hausdorff_dt + 1)", HausdorffDtLoss.params(), new HausdorffDtLoss(true)));
        register(new LossSpec<>("cldice", seg, Kind.LOSS,
                "Soft clDice loss (MONAI SoftclDiceLoss): overlap of soft skeletons with the other mask; keeps thin structures connected.",
                "1 - 2 tprec tsens / (tprec + tsens) on soft skeletons, channel 0 left out",
                ClDiceLoss.params(false), new ClDiceLoss(false)).onlyFor(binaryOrMulticlass, needsBinaryOrMulticlass));
        register(new LossSpec<>("dice_cldice", seg, Kind.LOSS,
                "Soft Dice plus soft clDice (MONAI SoftDiceclDiceLoss).",
                "(1 - alpha) (1 - (2 sum t p + s) / (sum t + sum p + s)) + alpha clDice",
                ClDiceLoss.params(true), new ClDiceLoss(true)).onlyFor(binaryOrMulticlass, needsBinaryOrMulticlass));
        register(new LossSpec<>("boundary", seg, Kind.LOSS,
                "Boundary loss (Kervadec et al. 2019): probabilities times the signed distance to the target boundary; negative inside.",
                "mean_k mean_px probs_k phi_k, phi_k < 0 inside class k", BoundaryLoss.params(), new BoundaryLoss())
                .onlyFor(binaryOrMulticlass, needsBinaryOrMulticlass));
        register(new LossSpec<>("topk_ce", seg, Kind.LOSS,
                "TopK cross-entropy (nnU-Net TopKLoss): the mean cross-entropy of the k percent hardest pixels.",
                "mean of the floor(N k / 100) largest -log p_t", TopKCrossEntropyLoss.params(), new TopKCrossEntropyLoss())
                .onlyFor(d -> d.mode() == SegMode.MULTICLASS, "needs a multiclass scene").as(Role.HARDEST_PIXELS, Role.VOXELWISE));
    }

    private LossRegistry() {
    }

    private static void register(LossSpec<?> spec) {
        if (ENTRIES.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalStateException("registered twice: " + spec.name());
        }
    }

    /** The entry of a name, or a clear error listing the known ones. */
    public static LossSpec<?> get(String name) {
        LossSpec<?> spec = ENTRIES.get(name);
        if (spec == null) {
            String shown = name.length() > 60 ? name.substring(0, 57) + "..." : name;
            throw new EngineException("unknown loss '" + shown + "' (known: " + String.join(", ", ENTRIES.keySet()) + ")");
        }
        return spec;
    }

    public static boolean contains(String name) {
        return ENTRIES.containsKey(name);
    }

    /** Every entry, in registration order. */
    public static List<LossSpec<?>> all() {
        return Collections.unmodifiableList(new ArrayList<>(ENTRIES.values()));
    }

    /** The entries with a role, in registration order. */
    public static List<LossSpec<?>> withRole(Role role) {
        return ENTRIES.values().stream().filter(spec -> spec.has(role)).toList();
    }

    /** The entries of one domain with a role, in registration order. */
    public static <I> List<LossSpec<I>> withRole(Role role, Domain<I> domain) {
        return of(domain).stream().filter(spec -> spec.has(role)).toList();
    }

    /** The one entry of a domain with a role (the first registered, when several have it). */
    public static <I> LossSpec<I> first(Role role, Domain<I> domain) {
        return withRole(role, domain).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + domain + " entry has the role " + role));
    }

    /** The entries that read one domain. */
    @SuppressWarnings("unchecked")
    public static <I> List<LossSpec<I>> of(Domain<I> domain) {
        List<LossSpec<I>> out = new ArrayList<>();
        for (LossSpec<?> spec : ENTRIES.values()) {
            if (spec.domain() == domain) {
                out.add((LossSpec<I>) spec);
            }
        }
        return out;
    }
}
