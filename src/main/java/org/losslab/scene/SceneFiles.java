package org.losslab.scene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losslab.engine.Domain;

/**
 * Reads and writes {@code losslab-scene} version 1 files (CONTRACTS.md section 1). Reading either
 * returns a complete scene or throws a SceneException naming the field: nothing is half-loaded.
 * Writing goes through a temporary file so that a failed save never destroys the previous one.
 */
public final class SceneFiles {
    private SceneFiles() {
    }

    public static Scene read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SceneException(file + ": no such file");
        } catch (IOException e) {
            throw new SceneException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(text);
    }

    public static Scene parse(String text) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            // Jackson's own message carries a long source description; keep its first clause only
            String reason = e.getOriginalMessage().replaceAll("\\s*\\(start marker.*$", "").replaceAll("\\s+", " ");
            throw new SceneException("not valid JSON" + where + ": " + reason);
        }
        if (root == null || !root.isObject()) {
            throw new SceneException("not a scene: expected a JSON object at the top level");
        }
        JsonNode format = Json.required(root, "format", "");
        if (!format.isTextual() || !Scene.FORMAT.equals(format.textValue())) {
            throw new SceneException("format: expected \"" + Scene.FORMAT + "\", got " + format);
        }
        JsonNode version = Json.required(root, "version", "");
        int v = Json.wholeNumber(version, "version");
        if (v < 1 || v > Scene.VERSION) {
            throw new SceneException("version: " + v + " is not supported (this LossLab reads version 1 to "
                    + Scene.VERSION + ")");
        }
        Map<Domain<?>, Object> blocks = new LinkedHashMap<>();
        Map<String, ObjectNode> extras = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals("format") || name.equals("version") || name.equals("losses")) {
                continue;
            }
            BlockCodec<?> codec = BlockCodecs.byName(name);
            if (codec != null) {
                if (!field.getValue().isObject()) {
                    throw new SceneException(name + ": expected an object, got " + Json.kind(field.getValue()));
                }
                blocks.put(codec.domain(), codec.read(field.getValue()));
            } else if (field.getValue().isObject()) {
                extras.put(name, (ObjectNode) field.getValue());
            }
        }
        List<LossEntry> losses = readLosses(Json.required(root, "losses", ""));
        return new Scene(blocks, losses, extras);
    }

    private static List<LossEntry> readLosses(JsonNode node) {
        Json.array(node, "losses");
        List<LossEntry> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String where = "losses[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                throw new SceneException(where + ": expected an object with \"name\" and \"params\"");
            }
            JsonNode name = Json.required(entry, "name", where + ".");
            if (!name.isTextual()) {
                throw new SceneException(where + ".name: expected a string, got " + name);
            }
            JsonNode params = entry.get("params");
            ObjectNode given;
            if (params == null || params.isNull()) {
                given = Json.MAPPER.createObjectNode();
            } else if (params.isObject()) {
                given = (ObjectNode) params;
            } else {
                throw new SceneException(where + ".params: expected an object, got " + Json.kind(params));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> raw = (Map<String, Object>) Json.plain(given);
            out.add(new LossEntry(name.textValue(), raw, given));
        }
        return out;
    }

    /** The scene as a JSON document. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ObjectNode toJson(Scene scene) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", Scene.FORMAT);
        root.put("version", Scene.VERSION);
        for (Map.Entry<Domain<?>, Object> block : scene.blocks().entrySet()) {
            BlockCodec codec = BlockCodecs.of(block.getKey());
            root.set(block.getKey().block(), codec.write(block.getValue()));
        }
        scene.extraBlocks().forEach(root::set);
        ArrayNode losses = root.putArray("losses");
        for (LossEntry entry : scene.losses()) {
            ObjectNode e = losses.addObject();
            e.put("name", entry.name());
            e.set("params", entry.given().deepCopy());
        }
        return root;
    }

    public static void write(Scene scene, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, ".losslab-", ".json.tmp");
        try {
            Files.writeString(temp, Json.MAPPER.writeValueAsString(toJson(scene)), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
