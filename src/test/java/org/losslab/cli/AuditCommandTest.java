package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.losslab.scene.Json;

/**
 * {@code audit} against CONTRACTS_V3's 2-D sample and the folders recorded with numpy/scipy and checked against
 * MONAI (src/test/python/record_audit_folders.py: every PNG and .npy kind, empty cases, missed structures, false
 * positives on empty cases, spacing, a threshold): the JSON exactly, the CSV with it.
 */
class AuditCommandTest {
    @TempDir
    Path dir;

    static Path resource(String path) throws URISyntaxException {
        return Path.of(AuditCommandTest.class.getResource(path).toURI());
    }

    /** Runs audit on a folder with labels/ and predictions/, writing JSON and CSV; returns the run. */
    CommandRunner audit(Path folder, String... options) {
        List<String> line = new ArrayList<>(List.of("audit", "--labels", folder.resolve("labels").toString(),
                "--predictions", folder.resolve("predictions").toString(), "--json", dir.resolve("out.json").toString(),
                "--csv", dir.resolve("out.csv").toString()));
        line.addAll(Arrays.asList(options));
        return CommandRunner.run(line.toArray(String[]::new));
    }

    @Test
    void theTwoDimensionalSampleGivesItsExpectedJsonExactly() throws Exception {
        Path sample = resource("/gold/v3/audit-2d");
        CommandRunner run = audit(sample, "--tolerance", "2", "--classes", "3");
        assertEquals(0, run.status, run.err);
        AuditJson.assertSame(sample.resolve("expected.json"), dir.resolve("out.json"));
        assertTrue(run.out.contains("monai hd95: mean 16.051 over 23 values"), run.out);
        assertTrue(run.out.contains("case_138_03 class 1: dice 0, hd95 inf mm, nsd 0 (missed: no prediction)"), run.out);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mixed-formats", "binary-threshold", "spacing-four-classes"})
    void recordedFoldersGiveTheirExpectedJsonExactly(String name) throws Exception {
        Path folder = resource("/audit/" + name);
        String[] options = Files.readString(folder.resolve("args.txt")).trim().split(" ");
        CommandRunner run = audit(folder, options);
        assertEquals(0, run.status, run.err);
        AuditJson.assertSame(folder.resolve("expected.json"), dir.resolve("out.json"));
        checkCsvAgainstJson();
    }

    @Test
    void theSameAuditOnOneThreadGivesTheSameBytes() throws Exception {
        Path sample = resource("/audit/mixed-formats");
        assertEquals(0, audit(sample, "--tolerance", "2", "--threads", "1").status);
        byte[] one = Files.readAllBytes(dir.resolve("out.json"));
        assertEquals(0, audit(sample, "--tolerance", "2", "--threads", "3").status);
        assertEquals(new String(one), Files.readString(dir.resolve("out.json")));
    }

    /** Every CSV row holds the JSON's numbers of its case and class. */
    private void checkCsvAgainstJson() throws Exception {
        JsonNode json = Json.MAPPER.readTree(dir.resolve("out.json").toFile());
        List<String> rows = Files.readAllLines(dir.resolve("out.csv"));
        assertEquals("case,class,tp,fp,fn,tn,n_ref,n_pred,dice,iou,hd,hd95,assd,nsd", rows.get(0));
        int classes = json.get("classes").size();
        assertEquals(1 + json.get("cases").size() * classes, rows.size());
        int r = 1;
        for (JsonNode c : json.get("cases")) {
            for (int k = 1; k <= classes; k++) {
                String[] cells = rows.get(r++).split(",");
                assertEquals(c.get("case").asText(), cells[0]);
                JsonNode numbers = c.get("classes").get(Integer.toString(k));
                String[] keys = {"tp", "fp", "fn", "tn", "n_ref", "n_pred", "dice", "iou", "hd", "hd95", "assd", "nsd"};
                for (int i = 0; i < keys.length; i++) {
                    JsonNode v = numbers.get(keys[i]);
                    String want = v.isNull() ? "nan" : v.isTextual() ? "inf" : null;
                    if (want != null) {
                        assertEquals(want, cells[2 + i]);
                    } else {
                        assertEquals(v.doubleValue(), Double.parseDouble(cells[2 + i]), 0, keys[i]);
                    }
                }
            }
        }
    }

    /** A copy of the 2-D sample to break. */
    private Path copyOfSample() throws Exception {
        Path source = resource("/gold/v3/audit-2d");
        Path copy = dir.resolve("sample");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return copy;
    }

    /** A bad input: exit 1, one line naming the file, no output written and an old output left as it was. */
    private void refused(Path folder, String expected, String... options) throws Exception {
        Files.writeString(dir.resolve("out.json"), "old");
        Files.deleteIfExists(dir.resolve("out.csv"));
        CommandRunner run = audit(folder, options);
        assertEquals(1, run.status, run.out + run.err);
        assertEquals(1, run.err.lines().count(), run.err);
        assertTrue(run.err.contains(expected), run.err);
        assertEquals("old", Files.readString(dir.resolve("out.json")));
        assertFalse(Files.exists(dir.resolve("out.csv")));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.filter(f -> f.getFileName().toString().endsWith(".tmp")).count());
        }
    }

    @Test
    void aMissingPartnerIsNamedUnlessAllowed() throws Exception {
        Path copy = copyOfSample();
        Files.delete(copy.resolve("predictions/case_390_00.png"));
        refused(copy, "case_390_00: labels/case_390_00.png has no prediction in ");
        CommandRunner run = audit(copy, "--allow-missing");
        assertEquals(0, run.status, run.err);
        assertTrue(run.out.contains("missing partner: case_390_00: labels/case_390_00.png has no prediction"), run.out);
        assertEquals(13, Json.MAPPER.readTree(dir.resolve("out.json").toFile()).get("cases").size());
    }

    @Test
    void aShapeMismatchAnUnreadableFileAndADuplicateStemAreNamed() throws Exception {
        Path copy = copyOfSample();
        Files.copy(copy.resolve("labels/case_087_04.png"), copy.resolve("predictions/case_087_11.png"));
        refused(copy, "predictions/case_087_11.npy and predictions/case_087_11.png: two files for case case_087_11");
        Files.delete(copy.resolve("predictions/case_087_11.npy"));
        refused(copy, "case_087_11: the ground truth labels/case_087_11.png is 49 x 87, the prediction"
                + " predictions/case_087_11.png is 117 x 107");
        Files.write(copy.resolve("predictions/case_087_11.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        refused(copy, "predictions/case_087_11.png: ");
        Files.write(copy.resolve("predictions/case_087_11.png"), new byte[0]);
        refused(copy, "predictions/case_087_11.png: ");
    }

    @Test
    void aLabelAboveTheClassesGivenIsABadInput() throws Exception {
        refused(resource("/audit/spacing-four-classes"), "labels/case_003_00.png: holds class 3, but there are 3 classes (0 .. 2)",
                "--classes", "3");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--classes=1", "--spacing=0,1", "--spacing=1,1,1,1", "--tolerance=-1", "--threads=0",
        "--threshold=2", "--nonsense"})
    void badOptionsAreUsageErrors(String option) throws Exception {
        CommandRunner run = audit(resource("/gold/v3/audit-2d"), option);
        assertEquals(2, run.status, run.err);
        assertFalse(Files.exists(dir.resolve("out.json")));
    }

    @Test
    void anOutputThatIsAFolderIsAUsageError() throws Exception {
        Path sample = resource("/gold/v3/audit-2d");
        CommandRunner run = CommandRunner.run("audit", "--labels", sample.resolve("labels").toString(), "--predictions",
                sample.resolve("predictions").toString(), "--json", dir.toString());
        assertEquals(2, run.status);
        assertTrue(run.err.contains("is a folder"), run.err);
    }
}
