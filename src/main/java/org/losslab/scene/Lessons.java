package org.losslab.scene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.losslab.engine.Domains;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.maps.MapKind;
import org.losslab.engine.race.RacePreset;
import org.losslab.engine.sweep.TeachingPlot;
import org.losslab.engine.train.TrainingPreset;

/**
 * The lessons: JSON files a teacher can write (the README documents the format), bundled from
 * {@code assets/lessons/} and listed in {@code lessons/index.txt}. Reading checks every name against the
 * registry, the presets, the maps and the plots, so that a lesson never sets up something that does
 * not exist.
 */
public final class Lessons {
    private static final Set<String> LESSON_KEYS = Set.of("title", "question", "steps", "answer");
    private static final Set<String> STEP_KEYS = Set.of("text", "workspace", "preset", "map", "compare", "params", "select", "plot",
            "detection_tab", "race", "race_gradients", "training", "dataset", "look", "task", "until", "claims", "audit",
            "trained", "ssd", "question");
    private static final Set<String> WORKSPACES = Set.of("segmentation", "plots", "detection", "training", "audit");
    private static final Set<String> DETECTION_TABS = Set.of("boxes", "race", "ssd", "metrics", "dataset");

    private Lessons() {
    }

    /** Every bundled lesson, in the order of the index. */
    public static List<Lesson> all() {
        List<Lesson> out = new ArrayList<>();
        for (String key : index()) {
            out.add(bundled(key));
        }
        return out;
    }

    /** The keys of the bundled lessons. */
    public static List<String> index() {
        try (InputStream in = Lessons.class.getResourceAsStream("/lessons/index.txt")) {
            if (in == null) {
                return List.of();
            }
            return BundledFolders.listed(in);
        } catch (IOException e) {
            throw new EngineException("cannot read the lesson index: " + e.getMessage());
        }
    }

    public static Lesson bundled(String key) {
        try (InputStream in = Lessons.class.getResourceAsStream("/lessons/" + key + ".json")) {
            if (in == null) {
                throw new EngineException("no lesson '" + key + "' (known: " + String.join(", ", index()) + ")");
            }
            return parse(key, Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new EngineException("lesson " + key + ": " + e.getMessage());
        }
    }

    /** The largest lesson file read (a lesson is a page of text; this bounds a mistaken path). */
    public static final long MAX_FILE_BYTES = 1L << 20;

    /**
     * A lesson a teacher wrote, from its file (its key is the file's name without ".json"); a folder, a FIFO or
     * a device is refused before reading, as {@code eval} refuses them.
     */
    public static Lesson read(Path file) {
        SceneFiles.checkReadable(file, MAX_FILE_BYTES, "a lesson file");
        String key = file.getFileName().toString().replaceFirst("\\.json$", "");
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new EngineException("lesson " + key + ": not valid JSON (" + firstClause(e) + ")");
        }
        return parse(key, root);
    }

    /** A bundled lesson by key, or a lesson file by path (a name ending in ".json" or an existing file). */
    public static Lesson load(String keyOrPath) {
        Path path = Path.of(keyOrPath);
        if (keyOrPath.endsWith(".json") || Files.exists(path)) {
            return read(path);
        }
        return bundled(keyOrPath);
    }

    /** A lesson from its JSON, every name checked; errors name the lesson, the step (from 1) and the field. */
    public static Lesson parse(String key, JsonNode root) {
        String where = "lesson " + key;
        if (root == null) {
            throw new EngineException(where + ": the file is empty");
        }
        keys(root, LESSON_KEYS, where);
        JsonNode stepsNode = Json.array(Json.required(root, "steps", where + ": "), where + ", steps");
        if (stepsNode.size() == 0) {
            throw new EngineException(where + ", steps: a lesson needs at least one step");
        }
        List<Lesson.Step> steps = new ArrayList<>();
        for (int k = 0; k < stepsNode.size(); k++) {
            steps.add(step(stepsNode.get(k), where + ", step " + (k + 1)));
        }
        return new Lesson(key, text(root, "title", where, true), text(root, "question", where, true), List.copyOf(steps),
                text(root, "answer", where, true));
    }

    private static Lesson.Step step(JsonNode node, String where) {
        keys(node, STEP_KEYS, where);
        String workspace = oneOf(text(node, "workspace", where, false), WORKSPACES, where + ", workspace");
        String preset = text(node, "preset", where, false);
        if (preset != null) {
            try {
                Presets.get(preset);
            } catch (RuntimeException e) {
                throw new EngineException(where + ", preset: " + e.getMessage());
            }
        }
        String map = text(node, "map", where, false);
        String compare = text(node, "compare", where, false);
        for (String m : new String[] {map, compare}) {
            if (m != null && !m.equals("off")) {
                try {
                    MapKind.parse(m);
                } catch (EngineException e) {
                    throw new EngineException(where + ": " + e.getMessage());
                }
            }
        }
        Map<String, Map<String, Object>> params = params(node.get("params"), where + ", params");
        String select = text(node, "select", where, false);
        if (select != null) {
            segmentationEntry(select, where + ", select");
        }
        String plot = text(node, "plot", where, false);
        if (plot != null && plot(plot) == null) {
            throw new EngineException(where + ", plot: unknown plot '" + plot + "'");
        }
        String tab = oneOf(text(node, "detection_tab", where, false), DETECTION_TABS, where + ", detection_tab");
        String race = text(node, "race", where, false);
        if (race != null) {
            racePreset(race, where);
        }
        String gradients = oneOf(text(node, "race_gradients", where, false), Set.of("paper", "exact"), where + ", race_gradients");
        String training = text(node, "training", where, false);
        if (training != null) {
            trainingPreset(training, where);
        }
        String dataset = text(node, "dataset", where, false);
        if (dataset != null) {
            CocoBundle.check(dataset, where + ", dataset");
        }
        String text = text(node, "text", where, true);
        String look = text(node, "look", where, false);
        captionValues(text, where + ", text");
        captionValues(look, where + ", look");
        return new Lesson.Step(text, workspace, preset, map, compare, params, select, plot, tab, race,
                gradients, training, dataset, look, text(node, "task", where, false),
                condition(node.get("until"), where + ", until", true), claims(node.get("claims"), where + ", claims"),
                AuditValues.folders(node.get("audit"), where + ", audit"), trained(node, where),
                LessonSsd.settings(node.get("ssd"), where + ", ssd"), question(node.get("question"), where + ", question"));
    }

    /** Whether a step asks before it shows ({@link Lesson#asks}): true, false, or absent (null). */
    private static Boolean question(JsonNode node, String where) {
        if (node != null && !node.isBoolean()) {
            throw new EngineException(where + ": expected true or false, not " + node);
        }
        return node == null ? null : node.asBoolean();
    }

    /** How far an answer step trains the run its step sets: a whole number of steps up to the claims' horizon. */
    private static Integer trained(JsonNode node, String where) {
        JsonNode n = node.get("trained");
        if (n == null) {
            return null;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1 || n.asInt() > TrainValues.HORIZON) {
            throw new EngineException(where + ", trained: expected a whole number of steps from 1 to " + TrainValues.HORIZON);
        }
        return n.asInt();
    }

    /** Every {@code {value:...}} of a caption names a value and a format that exist. */
    private static void captionValues(String caption, String where) {
        try {
            for (Claims.Placeholder p : Claims.placeholders(caption)) {
                Claims.check(p.what(), false);
            }
        } catch (EngineException e) {
            throw new EngineException(where + ": " + e.getMessage());
        }
    }

    private static List<Lesson.Condition> claims(JsonNode node, String where) {
        if (node == null) {
            return List.of();
        }
        Json.array(node, where);
        List<Lesson.Condition> out = new ArrayList<>();
        for (int k = 0; k < node.size(); k++) {
            out.add(condition(node.get(k), where + "[" + k + "]", false));
        }
        return out;
    }

    /** A registry entry of the segmentation domain: the only ones a lesson's params, select and until reach. */
    private static LossSpec<?> segmentationEntry(String name, String where) {
        LossSpec<?> spec;
        try {
            spec = LossRegistry.get(name);
        } catch (EngineException e) {
            throw new EngineException(where + ": " + e.getMessage());
        }
        if (spec.domain() != Domains.SEGMENTATION) {
            throw new EngineException(where + ": '" + name + "' is a " + spec.domain().block()
                    + " entry; a lesson sets and selects segmentation entries only");
        }
        return spec;
    }

    private static Map<String, Map<String, Object>> params(JsonNode node, String where) {
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new EngineException(where + ": expected an object of entries, {\"tversky\": {\"alpha\": 0.7}}");
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            LossSpec<?> spec = segmentationEntry(e.getKey(), where);
            if (!e.getValue().isObject()) {
                throw new EngineException(where + "." + e.getKey() + ": expected an object of parameters, {\"alpha\": 0.7}");
            }
            Map<String, Object> raw = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> values = e.getValue().fields();
            while (values.hasNext()) {
                Map.Entry<String, JsonNode> v = values.next();
                raw.put(v.getKey(), Json.plain(v.getValue()));
            }
            try {
                spec.bind(raw);
            } catch (EngineException ex) {
                throw new EngineException(where + "." + e.getKey() + ": " + ex.getMessage());
            }
            out.put(e.getKey(), raw);
        }
        return out;
    }

    /**
     * A condition of a task ({@code forTask}: read live by the window, so segmentation values only, and a
     * parameter's bound must be reachable within its range) or a claim.
     */
    private static Lesson.Condition condition(JsonNode node, String where, boolean forTask) {
        if (node == null) {
            return null;
        }
        keys(node, Set.of("what", "below", "above"), where);
        String what = text(node, "what", where, true);
        String relation = node.has("below") ? "below" : node.has("above") ? "above" : null;
        if (relation == null || node.has("below") && node.has("above")) {
            throw new EngineException(where + ": give one of below or above");
        }
        try {
            Claims.check(what, forTask);
        } catch (EngineException e) {
            throw new EngineException(where + ".what: " + e.getMessage());
        }
        Lesson.Condition c = new Lesson.Condition(what, relation, Json.finite(node.get(relation), where + "." + relation));
        if (forTask && c.isParameter()) {
            var param = LossRegistry.get(what.substring(0, what.indexOf('.'))).param(what.substring(what.indexOf('.') + 1));
            if (!c.holds(relation.equals("below") ? param.min() : param.max())) {
                throw new EngineException(where + ": " + what + " lies in [" + param.min() + ", " + param.max()
                        + "], so it can never be " + relation + " " + c.value());
            }
        }
        return c;
    }

    /** A teaching plot by its key, or null. */
    public static TeachingPlot plot(String key) {
        for (TeachingPlot p : TeachingPlot.values()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        return null;
    }

    /** A race preset by its key (one-anchor, one-point, ring). */
    public static RacePreset racePreset(String key, String where) {
        for (RacePreset p : RacePreset.values()) {
            if (dashed(p.name()).equals(key)) {
                return p;
            }
        }
        throw new EngineException(where + ", race: unknown anchors '" + key + "' (one-anchor, one-point, ring)");
    }

    /** A training preset by its key (small-object, thin-structure, ...). */
    public static TrainingPreset trainingPreset(String key, String where) {
        for (TrainingPreset p : TrainingPreset.values()) {
            if (dashed(p.name()).equals(key)) {
                return p;
            }
        }
        throw new EngineException(where + ", training: unknown training preset '" + key + "'");
    }

    private static String firstClause(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : SceneFiles.reason(e);
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ");
    }

    /** An enum constant as files name it: lower case, dashes (SMALL_OBJECT is small-object). */
    public static String dashed(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void keys(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new EngineException(where + ": expected an object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new EngineException(where + ": unknown key '" + name + "' (known: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private static String text(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null) {
            if (required) {
                throw new EngineException(where + ": '" + field + "' is missing");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new EngineException(where + ", " + field + ": expected text");
        }
        return v.asText();
    }

    private static String oneOf(String value, Set<String> allowed, String where) {
        if (value != null && !allowed.contains(value)) {
            throw new EngineException(where + ": '" + value + "' is not one of " + String.join(", ", allowed));
        }
        return value;
    }
}
