package org.losslab.app.audit;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.losslab.engine.dataset.AggregateUse;
import org.losslab.engine.dataset.AuditResult;
import org.losslab.engine.dataset.ClassNumbers;
import org.losslab.engine.dataset.MonaiMean;
import org.losslab.engine.dataset.SmpReduction;

/** The three families of aggregates side by side, each with a line saying what it averages and what it leaves out. */
final class AggregatesView extends VBox {
    private final AuditModel model;

    AggregatesView(AuditModel model) {
        super(6);
        this.model = model;
        setPrefWidth(340);
        setStyle("-fx-padding: 8");
        model.resultProperty().addListener((o, before, audit) -> show(audit));
        show(null);
    }

    private void show(AuditResult audit) {
        getChildren().clear();
        if (audit == null) {
            getChildren().add(wrapped("The aggregates appear when the audit is done."));
            return;
        }
        var a = audit.aggregates();
        long missed = 0;
        long falsePositives = 0;
        for (var r : audit.cases()) {
            for (int c = 1; c <= audit.classes(); c++) {
                ClassNumbers k = r.of(c);
                missed += k.nRef() > 0 && k.nPred() == 0 ? 1 : 0;
                falsePositives += k.nRef() == 0 && k.nPred() > 0 ? 1 : 0;
            }
        }
        getChildren().add(wrapped("Click a mean: the table marks the rows it averages (click again to clear)."));
        add(AggregateUse.NNUNET, "nnU-Net Dice " + number(a.nnunetDice().foregroundMean()) + ", IoU " + number(a.nnunetIou().foregroundMean()),
                "Mean per class over the cases where the class is anywhere, then over classes; a false positive on an empty case counts as 0.");
        add(AggregateUse.MONAI_DICE, "MONAI Dice " + monai(a.monaiDice()), count(falsePositives, "false positive") + " on an empty ground truth left out of MONAI's Dice.");
        add(AggregateUse.MONAI_HD95, "MONAI HD95 " + monai(a.monaiHd95()) + " mm", count(missed, "missed structure") + " (and "
                + count(falsePositives, "false positive") + ") left out of MONAI's mean HD95: missing more can make it better (MONAI issue 9095).");
        add(AggregateUse.MONAI_NSD, "MONAI NSD " + monai(a.monaiNsd()), "Each case's mean over its classes with a value, then over the cases.");
        add(AggregateUse.SMP, "smp IoU " + smp(a.smpIou()), "micro pools all counts; macro per class; imagewise per case; 0/0 counts as 1 except in micro.");
        add(AggregateUse.SMP, "smp F1 " + smp(a.smpF1()), "The same four reductions of F1 (Dice from pooled counts).");
    }

    private void add(AggregateUse use, String value, String explanation) {
        Label title = wrapped(value);
        title.setStyle("-fx-font-weight: bold");
        VBox block = new VBox(2, title, wrapped(explanation));
        block.setId("aggregate-" + use.name().toLowerCase(Locale.ROOT));
        block.setCursor(Cursor.HAND);
        Tooltip.install(block, new Tooltip("Mark the rows " + use.title() + " averages"));
        block.setOnMouseClicked(e -> model.highlightProperty().set(model.highlightProperty().get() == use ? null : use));
        // the chosen one stands out, so that it is clear which mean the marked rows are
        block.styleProperty().bind(Bindings.when(model.highlightProperty().isEqualTo(use))
                .then("-fx-background-color: #fff3c4; -fx-padding: 2").otherwise("-fx-padding: 2"));
        getChildren().add(block);
    }

    /** "1 missed structure", "4 missed structures". */
    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private static String monai(MonaiMean m) {
        return number(m.mean()) + " (" + m.notNans() + " values)";
    }

    private static String smp(SmpReduction r) {
        return "micro " + number(r.micro()) + ", macro " + number(r.macro()) + ", micro-imagewise " + number(r.microImagewise())
                + ", macro-imagewise " + number(r.macroImagewise());
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%.4f", v);
    }
}
