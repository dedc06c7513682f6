package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.scene.Json;

class EvalCommandTest {
    static Path resource(String name) throws URISyntaxException {
        return Path.of(EvalCommandTest.class.getResource(name).toURI());
    }

    static Stream<Arguments> malformedCorpus() throws IOException, URISyntaxException {
        Path dir = resource("/malformed/expected.txt").getParent();
        List<String> lines = Files.readAllLines(dir.resolve("expected.txt"));
        return lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\\|"))
                .map(p -> Arguments.of(dir.resolve(p[0]), Integer.parseInt(p[1]), p[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCorpus")
    void aMalformedSceneGivesAOneLineErrorNamingTheProblem(Path file, int status, String mentioned) throws Exception {
        CommandRunner run = CommandRunner.run("eval", file.toString());
        assertEquals(status, run.status, run.out + run.err);
        JsonNode scene = Json.MAPPER.readTree(run.out).get("scenes").get(0);
        String error = scene.has("error") ? scene.get("error").asText() : scene.get("results").get(0).get("error").asText();
        assertTrue(error.contains(mentioned), "'" + error + "' should mention '" + mentioned + "'");
        assertFalse(error.contains("\n"), "one line: " + error);
        assertFalse(error.contains("Exception"), "no stack-trace wording: " + error);
    }

    @Test
    void goodScenesAreStillEvaluatedBesideABadOne() throws Exception {
        Path good = resource("/gold/seg-0034.json");
        Path bad = resource("/malformed/truncated.json");
        CommandRunner run = CommandRunner.run("eval", good.toString(), bad.toString());
        assertEquals(1, run.status);
        JsonNode scenes = Json.MAPPER.readTree(run.out).get("scenes");
        assertEquals(0.17997793034346776, scenes.get(0).get("results").get(0).get("value").asDouble(), 1e-12);
        assertTrue(scenes.get(1).has("error"));
    }

    @Test
    void evalPrintsValuesParamsAndGradientsThatReadBackExactly() throws Exception {
        Path file = resource("/gold/seg-0034.json");
        CommandRunner run = CommandRunner.run("eval", "--grad", file.toString());
        assertEquals(0, run.status, run.err);
        JsonNode result = Json.MAPPER.readTree(run.out).get("scenes").get(0).get("results").get(0);
        assertEquals("dice", result.get("name").asText());
        assertEquals(1.0, result.get("params").get("smooth").asDouble());
        assertEquals(6, result.get("gradient").get("prediction").size());
        JsonNode metric = Json.MAPPER.readTree(run.out).get("scenes").get(0).get("results").get(7);
        assertFalse(metric.has("gradient"), "metrics carry no gradient");
        // the printed digits parse back to exactly the engine's double, value and gradient alike
        org.losslab.scene.Scene scene = org.losslab.scene.SceneFiles.read(file);
        var engine = org.losslab.scene.SceneEvaluator.evaluate(scene, scene.losses().get(0), true);
        assertEquals(engine.value(), Double.parseDouble(result.get("value").asText()), 0.0);
        double[] gradient = engine.gradient().get("prediction");
        for (int i = 0; i < gradient.length; i++) {
            assertEquals(gradient[i], Double.parseDouble(result.get("gradient").get("prediction").get(i).asText()), 0.0);
        }
        // and agree with the reference value of the case
        JsonNode expected = Json.MAPPER.readTree(resource("/gold/seg-0034.expected.json").toFile());
        assertEquals(expected.get("results").get(0).get("value").asDouble(), engine.value(), 1e-9);
    }

    @Test
    void withoutGradFlagNoGradientIsPrinted() throws Exception {
        CommandRunner run = CommandRunner.run("eval", resource("/gold/box-0002.json").toString());
        assertEquals(0, run.status);
        assertFalse(run.out.contains("gradient"));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, CommandRunner.run("eval").status);
        assertEquals(2, CommandRunner.run("eval", "--no-such-flag", "x.json").status);
        assertEquals(2, CommandRunner.run("no-such-command").status);
    }

    @Test
    void aMissingFileIsAnErrorOfThatScene() throws Exception {
        CommandRunner run = CommandRunner.run("eval", "/nonexistent/scene.json");
        assertEquals(1, run.status);
        assertTrue(run.out.contains("no such file"), run.out);
    }
}
