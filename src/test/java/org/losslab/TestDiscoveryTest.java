package org.losslab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class that holds tests is one surefire runs: a class whose name does not match surefire's
 * default includes would compile and never run, and its guarantees would silently lapse.
 */
class TestDiscoveryTest {
    /** Surefire's default includes: Test*, *Test, *Tests, *TestCase (the pom adds none and excludes *Benchmark). */
    private static final Pattern RUN_BY_SUREFIRE = Pattern.compile("(Test.*|.*Test|.*Tests|.*TestCase)");
    private static final List<String> TEST_ANNOTATIONS = List.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate");

    @Test
    void everyClassWithTestsIsNamedSoThatSurefireRunsIt() throws Exception {
        Path root = Path.of(TestDiscoveryTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classes;
        try (Stream<Path> files = Files.walk(root)) {
            classes = files.map(root::relativize).map(Path::toString).filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).toList();
        }
        assertTrue(classes.size() > 10, "test classes found under " + root);
        int withTests = 0;
        StringBuilder skipped = new StringBuilder();
        for (String name : classes) {
            Class<?> type = Class.forName(name, false, TestDiscoveryTest.class.getClassLoader());
            if (!hasTests(type)) {
                continue;
            }
            withTests++;
            if (!RUN_BY_SUREFIRE.matcher(type.getSimpleName()).matches()) {
                skipped.append(' ').append(name);
            }
        }
        assertTrue(withTests > 10, "classes with tests: " + withTests);
        assertEquals("", skipped.toString(), "classes with tests that surefire does not run");
    }

    private static boolean hasTests(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                for (Annotation a : m.getDeclaredAnnotations()) {
                    if (TEST_ANNOTATIONS.contains(a.annotationType().getName())) {
                        return true;
                    }
                }
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (hasTests(nested)) {
                return true;
            }
        }
        return false;
    }
}
