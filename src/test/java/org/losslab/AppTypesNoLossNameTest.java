package org.losslab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.losslab.app.LossLabApp;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;

/**
 * The registry owns every name of a loss: no class of the app holds a string constant equal to a registry
 * name (the app asks the registry for the entries of a role instead), so that adding a loss is one class and
 * one registration. The compiled classes' constant pools are read, so a name typed anywhere (a field, a
 * default, a switch) is found; text that merely mentions a loss ("dice loss at step %d") is not a name.
 */
class AppTypesNoLossNameTest {
    /** "Class: name" -> why the literal is not a loss's name there. Keep it short and justified. */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "org.losslab.app.detect.MetricsTab: recall", "the precision-recall curve's axis label, not the metric entry",
            "org.losslab.app.detect.MetricsTab: precision", "the precision-recall curve's axis label, not the metric entry",
            "org.losslab.app.detect.DatasetCharts: recall", "the dataset's precision-recall curves' axis label",
            "org.losslab.app.detect.DatasetCharts: precision", "the dataset's precision-recall curves' axis label",
            "org.losslab.app.lesson.LessonRunner: boundary", "a caption's ordinary word ('its boundary shifted'), which "
                    + "does not name the boundary loss's row");

    @Test
    void noAppClassTypesTheNameOfARegistryEntry() throws IOException, URISyntaxException {
        Set<String> names = LossRegistry.all().stream().map(LossSpec::name).collect(Collectors.toSet());
        Set<String> found = new TreeSet<>();
        for (Path file : appClassFiles()) {
            String className = className(file);
            for (String constant : stringConstants(Files.readAllBytes(file))) {
                String key = className.replaceFirst("\\$.*", "") + ": " + constant;
                if (names.contains(constant) && !EXCEPTIONS.containsKey(key)) {
                    found.add(className + ": \"" + constant + "\"");
                }
            }
        }
        assertEquals(Set.of(), found, "string constants naming a registry entry (ask LossRegistry for a role instead)");
    }

    @Test
    void theScanFindsANameWhereOneIsTyped() throws IOException {
        // a class of this test holds "dice" as a constant: the reader must see it
        byte[] bytes = Files.readAllBytes(classFile(Typed.class));
        assertTrue(stringConstants(bytes).contains(Typed.NAME));
        assertFalse(stringConstants(bytes).contains("jaccard"));
    }

    @Test
    void everyExceptionStillExists() throws IOException, URISyntaxException {
        Set<String> present = new TreeSet<>();
        for (Path file : appClassFiles()) {
            String outer = className(file).replaceFirst("\\$.*", "");
            stringConstants(Files.readAllBytes(file)).forEach(c -> present.add(outer + ": " + c));
        }
        for (String exception : EXCEPTIONS.keySet()) {
            assertTrue(present.contains(exception), "an exception no longer needed: " + exception);
        }
    }

    private static final class Typed {
        static final String NAME = "dice";
    }

    private static List<Path> appClassFiles() throws IOException, URISyntaxException {
        Path root = Path.of(LossLabApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path app = root.resolve("org/losslab/app");
        try (Stream<Path> files = Files.walk(app)) {
            List<Path> out = new ArrayList<>(files.filter(f -> f.toString().endsWith(".class")).toList());
            assertFalse(out.isEmpty(), "no compiled app classes under " + app);
            return out;
        }
    }

    private static Path classFile(Class<?> type) {
        try {
            Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return root.resolve(type.getName().replace('.', '/') + ".class");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String className(Path file) {
        String s = file.toString().replace('\\', '/');
        return s.substring(s.indexOf("org/losslab/"), s.length() - ".class".length()).replace('/', '.');
    }

    /** The CONSTANT_String entries of a class file's constant pool (JVMS 4.4). */
    static List<String> stringConstants(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> strings = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 8 -> strings.add(in.readUnsignedShort());
                case 7, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or a double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return strings.stream().map(k -> utf8[k]).toList();
    }
}
