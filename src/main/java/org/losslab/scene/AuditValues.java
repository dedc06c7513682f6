package org.losslab.scene;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.losslab.engine.EngineException;
import org.losslab.engine.dataset.AuditResult;
import org.losslab.engine.dataset.CaseResult;
import org.losslab.engine.dataset.ClassNumbers;
import org.losslab.engine.dataset.DatasetAudit;
import org.losslab.engine.dataset.MonaiMean;
import org.losslab.engine.dataset.NnUnetMean;
import org.losslab.engine.dataset.SmpReduction;

/**
 * Lesson values of the Audit workspace, namespace {@code audit}, on the folders the step's {@code audit} key opened
 * (audited as the workspace audits them: classes from the files, NSD tolerance 1 mm):
 * <ul>
 *   <li>{@code nnunet.dice}, {@code nnunet.iou}: nnU-Net's foreground mean; {@code .C} ({@code nnunet.dice.1}) its mean of class C;
 *   <li>{@code monai.dice}, {@code monai.hd95}, {@code monai.nsd}: MONAI's mean; {@code .C}: over class C alone;
 *       {@code monai.not_nans.METRIC[.C]} the values it averaged, {@code monai.left_out.METRIC[.C]} the (case, class)
 *       pairs with a voxel in either mask that it left out (missed structures, false positives on an empty label);
 *   <li>{@code smp.iou.REDUCTION}, {@code smp.f1.REDUCTION}: smp's micro, macro, micro-imagewise or macro-imagewise;
 *   <li>{@code case.NAME.METRIC.C}: one case's dice, iou, hd, hd95, assd, nsd, tp, fp or fn of class C; {@code cases}: how many.
 * </ul>
 */
final class AuditValues implements ClaimValues {
    private static final Set<String> CASE_METRICS = Set.of("dice", "iou", "hd", "hd95", "assd", "nsd", "tp", "fp", "fn");
    private static final Set<String> MONAI_METRICS = Set.of("dice", "hd95", "nsd");
    private static final Set<String> SMP_REDUCTIONS = Set.of("micro", "macro", "micro-imagewise", "macro-imagewise");
    /** The NSD tolerance the Audit workspace opens with. */
    static final double TOLERANCE_MM = 1.0;
    /** One audit per pair of folders and process: a lesson names many of its numbers. */
    private static final Map<Lesson.AuditFolders, AuditResult> AUDITS = new ConcurrentHashMap<>();

    @Override
    public String prefix() {
        return "audit";
    }

    /** A step's {@code audit} key: {"labels": "audit/labels", "predictions": "audit/predictions"}, bundled folders. */
    static Lesson.AuditFolders folders(JsonNode node, String where) {
        if (node == null) {
            return null;
        }
        if (!node.isObject() || node.size() != 2 || !node.path("labels").isTextual() || !node.path("predictions").isTextual()) {
            throw new EngineException(where + ": expected {\"labels\": \"audit/labels\", \"predictions\": \"audit/predictions\"}");
        }
        Lesson.AuditFolders folders = new Lesson.AuditFolders(node.get("labels").asText(), node.get("predictions").asText());
        try {
            BundledFolders.check(folders.labels());
            BundledFolders.check(folders.predictions());
        } catch (EngineException e) {
            throw new EngineException(where + ": " + e.getMessage());
        }
        return folders;
    }

    @Override
    public void check(String name, boolean forTask) {
        String[] p = name.split("\\.");
        boolean known = switch (p[0]) {
            case "cases" -> p.length == 1;
            case "nnunet" -> (p.length == 2 || p.length == 3 && isClass(p[2])) && (p[1].equals("dice") || p[1].equals("iou"));
            case "monai" -> monai(p) != null;
            case "smp" -> p.length == 3 && (p[1].equals("iou") || p[1].equals("f1")) && SMP_REDUCTIONS.contains(p[2]);
            case "case" -> p.length == 4 && CASE_METRICS.contains(p[2]) && isClass(p[3]);
            default -> false;
        };
        if (!known) {
            throw new EngineException("audit:" + name + ": write audit:nnunet.dice[.C], audit:monai.hd95[.C], "
                    + "audit:monai.left_out.hd95[.C], audit:smp.f1.macro-imagewise, audit:case.NAME.dice.C or audit:cases");
        }
    }

    @Override
    public double value(StepScene scene, String name) {
        check(name, false);
        if (scene.audit() == null) {
            throw new EngineException("audit:" + name + ": no step up to this one opens folders to audit (key audit)");
        }
        AuditResult audit = AUDITS.computeIfAbsent(scene.audit(), AuditValues::run);
        String[] p = name.split("\\.");
        int c = isClass(p[p.length - 1]) ? Integer.parseInt(p[p.length - 1]) : 0;
        if (c > audit.classes()) {
            throw new EngineException("audit:" + name + ": the folders have classes 1-" + audit.classes() + ", not " + c);
        }
        return switch (p[0]) {
            case "cases" -> audit.cases().size();
            case "nnunet" -> nnunet(audit, p[1], c);
            case "monai" -> monai(audit, p, c);
            case "smp" -> smp(audit, p[1], p[2]);
            default -> caseValue(audit, p[1], p[2], c, name);
        };
    }

    private static AuditResult run(Lesson.AuditFolders folders) {
        FolderPair pair = FolderPair.open(BundledFolders.folder(folders.labels()), BundledFolders.folder(folders.predictions()),
                new FolderPair.Options(0.5, null, false));
        DatasetAudit.Settings settings = new DatasetAudit.Settings(0, TOLERANCE_MM, Math.max(1, Runtime.getRuntime().availableProcessors()));
        return DatasetAudit.run(pair, settings, (r, done, total) -> { }, () -> false);
    }

    private static double nnunet(AuditResult audit, String metric, int c) {
        NnUnetMean mean = metric.equals("dice") ? audit.aggregates().nnunetDice() : audit.aggregates().nnunetIou();
        return c == 0 ? mean.foregroundMean() : mean.perClass()[c - 1];
    }

    /** The MONAI metric a name reads ({@code monai.hd95}, {@code monai.left_out.hd95}), or null for none. */
    private static ToDoubleFunction<ClassNumbers> monai(String[] p) {
        int at = p.length > 1 && (p[1].equals("not_nans") || p[1].equals("left_out")) ? 2 : 1;
        if (p.length <= at || p.length > at + 2 || !MONAI_METRICS.contains(p[at]) || p.length == at + 2 && !isClass(p[at + 1])) {
            return null;
        }
        return switch (p[at]) {
            case "dice" -> ClassNumbers::monaiDice;
            case "hd95" -> ClassNumbers::monaiHd95;
            default -> ClassNumbers::monaiNsd;
        };
    }

    private static double monai(AuditResult audit, String[] p, int c) {
        List<CaseResult> cases = c == 0 ? audit.cases() : onlyClass(audit.cases(), c);
        int classes = c == 0 ? audit.classes() : 1;
        ToDoubleFunction<ClassNumbers> metric = monai(p);
        MonaiMean mean = MonaiMean.of(cases, classes, metric);
        if (p[1].equals("not_nans")) {
            return mean.notNans();
        }
        if (!p[1].equals("left_out")) {
            return mean.mean();
        }
        long present = 0; // the (case, class) pairs with a voxel in either mask: the ones a value could come from
        for (CaseResult r : cases) {
            for (int k = 1; k <= classes; k++) {
                present += r.of(k).nRef() + r.of(k).nPred() > 0 ? 1 : 0;
            }
        }
        return present - mean.notNans();
    }

    /** The cases with only class {@code c}, as class 1: MONAI's reduction over one class's column. */
    private static List<CaseResult> onlyClass(List<CaseResult> cases, int c) {
        List<CaseResult> out = new ArrayList<>();
        for (CaseResult r : cases) {
            out.add(new CaseResult(r.name(), r.spacing(), r.voxels(), new ClassNumbers[] {r.of(c)}));
        }
        return out;
    }

    private static double smp(AuditResult audit, String score, String reduction) {
        SmpReduction r = score.equals("iou") ? audit.aggregates().smpIou() : audit.aggregates().smpF1();
        return switch (reduction) {
            case "micro" -> r.micro();
            case "macro" -> r.macro();
            case "micro-imagewise" -> r.microImagewise();
            default -> r.macroImagewise();
        };
    }

    private static double caseValue(AuditResult audit, String caseName, String metric, int c, String name) {
        CaseResult r = audit.cases().stream().filter(k -> k.name().equals(caseName)).findFirst()
                .orElseThrow(() -> new EngineException("audit:" + name + ": no case " + caseName + " in the folders"));
        ClassNumbers k = r.of(c);
        return switch (metric) {
            case "dice" -> k.dice();
            case "iou" -> k.iou();
            case "hd" -> k.hd();
            case "hd95" -> k.hd95();
            case "assd" -> k.assd();
            case "nsd" -> k.nsd();
            case "tp" -> k.tp();
            case "fp" -> k.fp();
            default -> k.fn();
        };
    }

    private static boolean isClass(String s) {
        return s.matches("[1-9]\\d{0,2}");
    }
}
