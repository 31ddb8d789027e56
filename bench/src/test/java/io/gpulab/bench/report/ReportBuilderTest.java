package io.gpulab.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the report from the two fixture machines and checks its tables, charts, HTML and Markdown. */
class ReportBuilderTest {

    static Report fixtureReport() throws IOException {
        return ReportBuilder.build(List.of(ResultsLoader.load(Fixtures.dir("machine-a")),
                ResultsLoader.load(Fixtures.dir("machine-b"))));
    }

    @Test
    void tablesAndChartsPerTask() throws IOException {
        Report r = fixtureReport();
        assertEquals(2, r.machines().size());
        assertEquals(List.of("blur", "sha256", "sieve"), r.tasks().stream().map(TaskReport::task).toList());
        TaskReport blur = r.tasks().get(0);
        // A: 2 sizes x 3 backends, B: 1 size x 3 backends
        assertEquals(9, blur.rows().size());
        Row clA = blur.rows().stream().filter(x -> x.backend().equals("opencl")
                && x.size().startsWith("UHD_GAUSSIAN_3")).findFirst().orElseThrow();
        assertTrue(clA.phases().contains("kernel"), clA.phases());
        assertTrue(clA.speedup().endsWith("×"), clA.speedup());
        List<String> names = blur.charts().stream().map(Chart::name).toList();
        assertEquals(List.of("blur-UHD_GAUSSIAN_3-throughput", "blur-UHD_GAUSSIAN_3-speedup",
                "blur-UHD_BOX_2-throughput", "blur-UHD_BOX_2-speedup", "blur-time-vs-size", "blur-phases"), names);
        TaskReport sieve = r.tasks().get(2);
        assertTrue(sieve.skipped().stream().anyMatch(s -> s.reason().contains("failed during the JMH run")));
    }

    @Test
    void chartsArePngsOfTheAdvertisedSize() throws IOException {
        for (TaskReport t : fixtureReport().tasks()) {
            for (Chart c : t.charts()) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(c.png()));
                assertEquals(Charts.WIDTH, img.getWidth(), c.name());
                assertEquals(Charts.HEIGHT, img.getHeight(), c.name());
            }
        }
    }

    @Test
    void htmlIsSelfContained(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("report.html");
        HtmlReport.write(fixtureReport(), html);
        String s = Files.readString(html);
        assertTrue(s.contains("FIXTURE machine A (fake data)") && s.contains("FIXTURE machine B (fake data)"));
        assertEquals(count(s, "<img "), count(s, "src=\"data:image/png;base64,"));
        assertTrue(count(s, "<img ") >= 10, "charts embedded: " + count(s, "<img "));
        assertTrue(!s.contains("http://") && !s.contains("https://") && !s.contains("<script"),
                "no network resource, no script");
    }

    @Test
    void markdownLinksChartFilesThatExist(@TempDir Path dir) throws IOException {
        Path md = dir.resolve("report.md");
        MarkdownReport.write(fixtureReport(), md);
        String s = Files.readString(md);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)").matcher(s);
        int links = 0;
        while (m.find()) {
            assertTrue(Files.size(dir.resolve(m.group(1))) > 1000, m.group(1));
            links++;
        }
        assertTrue(links >= 10, "chart links: " + links);
        assertTrue(s.contains("| Size | Backend | Machine |"));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
