package org.losslab.scene;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.losslab.engine.dataset.AuditResult;
import org.losslab.engine.dataset.CaseResult;
import org.losslab.engine.dataset.ClassNumbers;
import org.losslab.engine.dataset.MonaiMean;
import org.losslab.engine.dataset.NnUnetMean;
import org.losslab.engine.dataset.SmpReduction;

/**
 * An audit as the files of CONTRACTS_V3 section 4: the JSON document (cases sorted by name, NaN as null,
 * infinity as "inf", doubles in their shortest round-trip form) and the CSV of one row per case and class.
 * Both are rendered whole in memory, so a failure comes before anything is written.
 */
public final class AuditFiles {
    /** Schubfach's shortest round-trip digits (Java 17's Double.toString sometimes prints more). */
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private static final String[] KEYS = {"tp", "fp", "fn", "tn", "n_ref", "n_pred", "dice", "iou", "hd", "hd95", "assd", "nsd"};

    private AuditFiles() {
    }

    /** The JSON document. */
    public static byte[] json(AuditResult audit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeArrayFieldStart("classes");
            for (int c = 1; c <= audit.classes(); c++) {
                out.writeNumber(c);
            }
            out.writeEndArray();
            out.writeNumberField("tolerance", audit.toleranceMm());
            out.writeArrayFieldStart("cases");
            for (CaseResult result : audit.cases()) {
                writeCase(out, result, audit.classes());
            }
            out.writeEndArray();
            writeAggregates(out, audit);
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void writeCase(JsonGenerator out, CaseResult result, int classes) throws IOException {
        out.writeStartObject();
        out.writeStringField("case", result.name());
        out.writeArrayFieldStart("spacing");
        for (int a = result.spacing().length - 1; a >= 0; a--) {
            out.writeNumber(result.spacing()[a]); // x first, as a NIfTI header's pixdim
        }
        out.writeEndArray();
        out.writeObjectFieldStart("classes");
        for (int c = 1; c <= classes; c++) {
            out.writeObjectFieldStart(Integer.toString(c));
            ClassNumbers k = result.of(c);
            long[] counts = {k.tp(), k.fp(), k.fn(), k.tn(), k.nRef(), k.nPred()};
            double[] values = {k.dice(), k.iou(), k.hd(), k.hd95(), k.assd(), k.nsd()};
            for (int i = 0; i < counts.length; i++) {
                out.writeNumberField(KEYS[i], counts[i]);
            }
            for (int i = 0; i < values.length; i++) {
                out.writeFieldName(KEYS[counts.length + i]);
                writeDouble(out, values[i]);
            }
            out.writeEndObject();
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void writeAggregates(JsonGenerator out, AuditResult audit) throws IOException {
        var a = audit.aggregates();
        out.writeObjectFieldStart("aggregates");
        out.writeObjectFieldStart("nnunet");
        writeNnUnet(out, "dice", a.nnunetDice());
        writeNnUnet(out, "iou", a.nnunetIou());
        out.writeEndObject();
        out.writeObjectFieldStart("monai");
        writeMonai(out, "dice", a.monaiDice());
        writeMonai(out, "hd95", a.monaiHd95());
        writeMonai(out, "nsd", a.monaiNsd());
        out.writeEndObject();
        out.writeObjectFieldStart("smp");
        writeSmp(out, SmpReduction.Score.IOU.key(), a.smpIou());
        writeSmp(out, SmpReduction.Score.F1.key(), a.smpF1());
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void writeNnUnet(JsonGenerator out, String metric, NnUnetMean mean) throws IOException {
        out.writeObjectFieldStart(metric);
        out.writeObjectFieldStart("per_class");
        for (int c = 0; c < mean.perClass().length; c++) {
            out.writeFieldName(Integer.toString(c + 1));
            writeDouble(out, mean.perClass()[c]);
        }
        out.writeEndObject();
        out.writeFieldName("foreground_mean");
        writeDouble(out, mean.foregroundMean());
        out.writeEndObject();
    }

    private static void writeMonai(JsonGenerator out, String metric, MonaiMean mean) throws IOException {
        out.writeObjectFieldStart(metric);
        out.writeFieldName("mean");
        writeDouble(out, mean.mean());
        out.writeNumberField("not_nans", mean.notNans());
        out.writeEndObject();
    }

    private static void writeSmp(JsonGenerator out, String score, SmpReduction r) throws IOException {
        out.writeObjectFieldStart(score);
        String[] names = {"micro", "macro", "micro-imagewise", "macro-imagewise"};
        double[] values = {r.micro(), r.macro(), r.microImagewise(), r.macroImagewise()};
        for (int i = 0; i < names.length; i++) {
            out.writeFieldName(names[i]);
            writeDouble(out, values[i]);
        }
        out.writeEndObject();
    }

    /** NaN as null, infinity as "inf" (JSON has neither). */
    private static void writeDouble(JsonGenerator out, double v) throws IOException {
        if (Double.isNaN(v)) {
            out.writeNull();
        } else if (Double.isInfinite(v)) {
            out.writeString(v > 0 ? "inf" : "-inf");
        } else {
            out.writeNumber(v);
        }
    }

    /** The CSV: a header, then one row per case and class with section 2's keys (NaN as nan, infinity as inf). */
    public static byte[] csv(AuditResult audit) {
        StringBuilder text = new StringBuilder("case,class," + String.join(",", KEYS) + "\n");
        for (CaseResult result : audit.cases()) {
            for (int c = 1; c <= audit.classes(); c++) {
                ClassNumbers k = result.of(c);
                text.append(csvField(result.name())).append(',').append(c);
                for (long count : new long[] {k.tp(), k.fp(), k.fn(), k.tn(), k.nRef(), k.nPred()}) {
                    text.append(',').append(count);
                }
                for (double v : new double[] {k.dice(), k.iou(), k.hd(), k.hd95(), k.assd(), k.nsd()}) {
                    text.append(',').append(Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? "inf" : shortest(v));
                }
                text.append('\n');
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The shortest decimal that reads back as {@code v} (as the JSON's numbers). */
    public static String shortest(double v) {
        return NumberOutput.toString(v, true);
    }

    /** A field quoted when it holds a comma, a quote or a line break (RFC 4180). */
    static String csvField(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
