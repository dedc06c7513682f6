package org.losslab.scene;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.losslab.engine.EngineException;

/**
 * The values a lesson names, in its claims, its tasks' {@code until} and its captions: which
 * {@link ClaimValues} namespace a name belongs to, its value on a step's state, and captions with their
 * {@code {value:NAME}} or {@code {value:NAME:FORMAT}} placeholders filled in. FORMAT is one Java
 * conversion of a number, {@code %[flags][width][.precision]} then e, f or g ("%.3f", "%.1e");
 * without it {@link #DEFAULT_FORMAT}.
 */
public final class Claims {
    /** Every namespace, the default one (no prefix) first. Add a namespace here, one line. */
    static final List<ClaimValues> NAMESPACES = List.of(new SegmentationValues(), new MapValues(), new TrainValues(),
            new SsdValues(), new RaceValues(), new DflValues(), new AuditValues(), new VolumeValues(), new CocoValues());

    /** Three significant digits: 0.586, 1.50e-05, 12.0. */
    public static final String DEFAULT_FORMAT = "%.3g";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{value:([^{}]*)}");
    private static final Pattern FORMAT = Pattern.compile("%[-+ 0,(#]*\\d*(\\.\\d+)?[efgEG]");

    private Claims() {
    }

    /** A placeholder of a caption: the value's name and the format it is written in. */
    public record Placeholder(String what, String format) {
    }

    /** Rejects a name no namespace can compute (see {@link ClaimValues#check}). */
    public static void check(String what, boolean forTask) {
        ClaimValues ns = namespace(what);
        String name = nameIn(ns, what);
        if (name.isEmpty()) {
            throw new EngineException("'" + what + "' names no value");
        }
        if (forTask && !ns.prefix().isEmpty()) {
            // the lesson window reads a task's state live from the segmentation workspace only
            throw new EngineException("a task's until reads the segmentation scene; '" + what + "' is in namespace "
                    + ns.prefix());
        }
        ns.check(name, forTask);
    }

    /** The value of a name on a step's state. */
    public static double value(String what, StepScene scene) {
        ClaimValues ns = namespace(what);
        return ns.value(scene, nameIn(ns, what));
    }

    /** The placeholders of a caption, in order; a malformed format is an error naming it. */
    public static List<Placeholder> placeholders(String caption) {
        List<Placeholder> out = new ArrayList<>();
        if (caption == null) {
            return out;
        }
        Matcher m = PLACEHOLDER.matcher(caption);
        while (m.find()) {
            String body = m.group(1);
            int f = body.indexOf(":%");
            String format = f < 0 ? DEFAULT_FORMAT : body.substring(f + 1);
            if (!FORMAT.matcher(format).matches()) {
                throw new EngineException("{value:" + body + "}: the format '" + format
                        + "' is not one number conversion such as %.3f, %.2e or %.3g");
            }
            out.add(new Placeholder(f < 0 ? body : body.substring(0, f), format));
        }
        return out;
    }

    /** A caption with every {@code {value:...}} replaced by its value on the step's state. */
    public static String fill(String caption, StepScene scene) {
        if (caption == null) {
            return null;
        }
        List<Placeholder> all = placeholders(caption);
        Matcher m = PLACEHOLDER.matcher(caption);
        StringBuilder out = new StringBuilder();
        int k = 0;
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(format(all.get(k++), scene)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One placeholder's text: its value in its format. */
    public static String format(Placeholder p, StepScene scene) {
        try {
            return String.format(Locale.ROOT, p.format(), value(p.what(), scene));
        } catch (IllegalFormatException e) {
            throw new EngineException("{value:" + p.what() + ":" + p.format() + "}: " + e.getMessage());
        }
    }

    private static ClaimValues namespace(String what) {
        int colon = what.indexOf(':');
        String prefix = colon < 0 ? "" : what.substring(0, colon);
        for (ClaimValues ns : NAMESPACES) {
            if (ns.prefix().equals(prefix)) {
                return ns;
            }
        }
        List<String> known = NAMESPACES.stream().map(ClaimValues::prefix).filter(p -> !p.isEmpty()).toList();
        throw new EngineException("no namespace '" + prefix + "' for '" + what + "' (known: "
                + String.join(", ", known) + "; a name without a prefix is a segmentation value)");
    }

    private static String nameIn(ClaimValues ns, String what) {
        return ns.prefix().isEmpty() ? what : what.substring(ns.prefix().length() + 1);
    }
}
