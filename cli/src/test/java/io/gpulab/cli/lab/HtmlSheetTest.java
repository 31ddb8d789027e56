package io.gpulab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
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
        String chromium = chromium();
        Files.createDirectories(OUT);
        Path html = OUT.resolve("lab.html");
        Files.writeString(html, HtmlSheet.render(LabMachine.here(), List.of(LabFixtures.crafted())));
        Path probe = OUT.resolve("probe.html");
        Files.writeString(probe, Files.readString(html).replace("</body>", "<script>addEventListener('load',()=>"
                + "{for(const i of document.images){i.setAttribute('data-natural',i.naturalWidth+'x'"
                + "+i.naturalHeight)}})</script></body>"));
        String dom = run(chromium, "--dump-dom", probe.toUri().toString());
        Matcher m = Pattern.compile("data-natural=\"(\\d+)x(\\d+)\"").matcher(dom);
        List<String> sizes = new ArrayList<>();
        while (m.find()) {
            assertTrue(Integer.parseInt(m.group(1)) > 0 && Integer.parseInt(m.group(2)) > 0, m.group());
            sizes.add(m.group(1) + "x" + m.group(2));
        }
        assertEquals(3, sizes.size(), "every chart decoded by Chromium: " + sizes);
        Path shot = OUT.resolve("screenshot.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        run(chromium, "--screenshot=" + shot, "--window-size=1280,2600", "--hide-scrollbars", html.toUri().toString());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertTrue(distinctColours(img) > 50, "screenshot is not blank");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static String chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        boolean required = Boolean.getBoolean("gpulab.requireChromium");
        assertTrue(!required, "Chromium is required (-Dgpulab.requireChromium=true) but not on the PATH");
        assumeTrue(false, "Chromium not on the PATH; install it (apt-get install chromium) to run this test");
        return null;
    }

    private static String run(String chromium, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("gpulab-chromium");
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("gpulab-chromium", ".log");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(err));
        return out;
    }
}
