package io.gpulab.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Opens the fixture report in headless Chromium: every chart must decode with a non-zero natural size, and the
 * screenshot must not be blank. Skips with a reason when Chromium is absent, unless
 * {@code -Dgpulab.requireChromium=true}. The page and the screenshot stay in {@code target/report-chromium/}
 * for a human to look at.
 */
class ReportChromiumTest {

    private static final Path OUT = Path.of("target", "report-chromium");

    @Test
    void chartsRenderInHeadlessChromium() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find();
        Files.createDirectories(OUT);
        Report report = ReportBuilderTest.fixtureReport();
        Path html = OUT.resolve("report.html");
        HtmlReport.write(report, html);
        int charts = report.tasks().stream().mapToInt(t -> t.charts().size()).sum();

        List<String> sizes = chromium.imageSizes(html);
        assertEquals(charts, sizes.size(), "every chart decoded by Chromium: " + sizes);
        assertTrue(chromium.screenshotColours(html, OUT.resolve("screenshot.png"), "1280,2400") > 50,
                "screenshot is not blank");
    }
}
