package io.gpulab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.bench.report.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Renders a lab sheet of crafted measurements as HTML and opens it in headless Chromium: every chart must decode
 * with a non-zero size and the screenshot must not be blank. Skips with a reason when Chromium is absent, unless
 * {@code -Dgpulab.requireChromium=true}. The page and screenshot stay in {@code target/lab-chromium/}.
 */
class HtmlSheetTest {

    private static final Path OUT = Path.of("target", "lab-chromium");

    @Test
    void isSelfContainedAndShowsComputedVerdicts() {
        String html = HtmlSheet.render(LabMachine.here(), List.of(LabFixtures.crafted()));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"),
                "no network resource, no script");
        assertEquals(3, count(html, "src=\"data:image/png;base64,"));
        assertTrue(html.contains("class=\"v matches\">course: matches"), "the threads step matches");
        assertTrue(html.contains("class=\"v differs\">course: differs"), "the GIL threads step differs");
        assertTrue(html.contains("&lt;2&gt;"), "cells are escaped");
    }

    @Test
    void chartsRenderInHeadlessChromium() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find();
        Files.createDirectories(OUT);
        Path html = OUT.resolve("lab.html");
        Files.writeString(html, HtmlSheet.render(LabMachine.here(), List.of(LabFixtures.crafted())));
        List<String> sizes = chromium.imageSizes(html);
        assertEquals(3, sizes.size(), "every chart decoded by Chromium: " + sizes);
        assertTrue(chromium.screenshotColours(html, OUT.resolve("screenshot.png"), "1280,2600") > 50,
                "screenshot is not blank");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
