package org.losslab.scene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.losslab.engine.Domain;

/**
 * Reads and writes {@code losslab-scene} version 1 files (CONTRACTS.md section 1). Reading either
 * returns a complete scene or throws a SceneException naming the field: nothing is half-loaded.
 * Writing goes through a temporary file so that a failed save never destroys the previous one.
 */
public final class SceneFiles {
    private SceneFiles() {
    }

    /** The largest scene file read: beyond it a scene is refused before reading (a 1024 x 1024, 8-class scene is ~170 MB). */
    public static final long MAX_BYTES = 256L << 20;

    public static Scene read(Path file) {
        checkReadable(file, MAX_BYTES, "a scene");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
            checkUtf8(bytes);
        } catch (CharacterCodingException e) {
            throw new SceneException(file + ": not UTF-8 text (a scene file is JSON in UTF-8)");
        } catch (IOException e) {
            throw new SceneException(file + ": cannot read (" + reason(e) + ")");
        }
        // parsed from its bytes: its text as a string too held 2 bytes a character more (a 120 MB scene, 240 MB more)
        return parse(bytes);
    }

    /** Throws if the bytes are not UTF-8, decoding them through a small buffer (not into a copy of the text). */
    private static void checkUtf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                result.throwException();
            }
            out.clear();
            if (result.isUnderflow()) {
                break;
            }
        }
        while (decoder.flush(out).isOverflow()) {
            out.clear();
        }
    }

    /**
     * Checks, before reading anything, that a path is a regular, readable file of at most
     * {@code maxBytes}: a directory, a FIFO or a device would block or never end. Returns its size.
     */
    public static long checkReadable(Path file, long maxBytes, String what) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new SceneException(file + ": no such file");
        } catch (IOException e) {
            throw new SceneException(file + ": cannot read (" + reason(e) + ")");
        }
        if (attributes.isDirectory()) {
            throw new SceneException(file + ": is a folder, not " + what);
        }
        if (!attributes.isRegularFile()) {
            throw new SceneException(file + ": is not a regular file (a pipe or a device), not " + what);
        }
        if (!Files.isReadable(file)) {
            throw new SceneException(file + ": cannot read (permission denied)");
        }
        if (attributes.size() > maxBytes) {
            throw new SceneException(file + ": " + (attributes.size() >> 20) + " MB is larger than " + what + " can be ("
                    + (maxBytes >> 20) + " MB at most)");
        }
        return attributes.size();
    }

    /** What went wrong with a file, in words (Java's own messages name only the path). */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public static Scene parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Scene parse(byte[] utf8) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(utf8);
        } catch (IOException e) {
            throw notJson(e);
        }
        return parse(root);
    }

    private static SceneException notJson(IOException e) {
        if (!(e instanceof JsonProcessingException j)) {
            return new SceneException("cannot read (" + reason(e) + ")");
        }
        String where = j.getLocation() == null ? "" : " at line " + j.getLocation().getLineNr()
                + ", column " + j.getLocation().getColumnNr();
        // Jackson's own message carries a long source description; keep its first clause only
        String reason = j.getOriginalMessage().replaceAll("\\s*\\(start marker.*$", "").replaceAll("\\s+", " ");
        return new SceneException("not valid JSON" + where + ": " + reason);
    }

    private static Scene parse(JsonNode root) {
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
        Set<String> reencoded = new LinkedHashSet<>();
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
                if (exceeds(field.getValue(), VERBATIM_VALUES)) {
                    reencoded.add(name);
                }
            } else if (field.getValue().isObject()) {
                extras.put(name, (ObjectNode) field.getValue());
            }
        }
        List<LossEntry> losses = readLosses(Json.required(root, "losses", ""));
        for (String name : reencoded) {
            ((ObjectNode) root).putNull(name); // in its place, so that it is written back where it was
        }
        return new Scene(blocks, losses, extras, (ObjectNode) root, reencoded);
    }

    /**
     * A block of more values than this is not kept as read: a scene keeps its document to write it back as it was
     * (numbers as written), but the tree of a 4096 x 4096 scene's block holds one object per number, 570 MB beside
     * the 192 MB of its arrays. Such a block is written back from its arrays (the same values, in the same place).
     */
    static final long VERBATIM_VALUES = 1L << 20;

    /** Whether a JSON tree holds more than {@code limit} values (stops counting once it does). */
    private static boolean exceeds(JsonNode node, long limit) {
        long[] count = {0};
        return count(node, count, limit);
    }

    private static boolean count(JsonNode node, long[] count, long limit) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (count(child, count, limit)) {
                    return true;
                }
            }
            return false;
        }
        return ++count[0] > limit;
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
                throw new SceneException(where + ".name: expected a string, got " + Json.quote(name.toString()));
            }
            var keys = entry.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (!key.equals("name") && !key.equals("params")) {
                    throw new SceneException(where + ": unknown key '" + Json.quote(key) + "' (an entry has \"name\" and \"params\")");
                }
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

    /**
     * The scene as a JSON document. A scene read from a file is written back as it was read (every
     * field, in its order, numbers as written), with only the parts replaced since re-encoded.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ObjectNode toJson(Scene scene) {
        if (scene.source() != null) {
            ObjectNode root = scene.source().deepCopy();
            ObjectNode fresh = encode(scene);
            for (String name : scene.replaced()) {
                root.set(name, fresh.get(name));
            }
            return root;
        }
        return encode(scene);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ObjectNode encode(Scene scene) {
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

    /** Writes the scene atomically (see {@link AtomicFiles}): a failed save leaves the previous file intact. */
    public static void write(Scene scene, Path file) throws IOException {
        AtomicFiles.write(file, Json.MAPPER.writeValueAsString(toJson(scene)));
    }
}
