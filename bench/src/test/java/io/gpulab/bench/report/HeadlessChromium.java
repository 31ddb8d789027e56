package io.gpulab.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Opens self-contained HTML pages (the report, the lab sheet) in headless Chromium for the tests that check them
 * (published in this module's test-jar). Without Chromium on the PATH a test is skipped with the reason, unless
 * {@code -Dgpulab.requireChromium=true} makes that a failure.
 */
public final class HeadlessChromium {

    private final String executable;

    private HeadlessChromium(String executable) {
        this.executable = executable;
    }

    /** Finds Chromium on the PATH, or skips the calling test (fails it when Chromium is required). */
    public static HeadlessChromium find() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return new HeadlessChromium(Path.of(dir, name).toString());
                }
            }
        }
        boolean required = Boolean.getBoolean("gpulab.requireChromium");
        assertTrue(!required, "Chromium is required (-Dgpulab.requireChromium=true) but not on the PATH");
        assumeTrue(false, "Chromium not on the PATH; install it (apt-get install chromium) to run this test");
        throw new IllegalStateException("unreachable: assumeTrue(false) aborts the test");
    }

    /**
     * Returns the decoded size ({@code WIDTHxHEIGHT}) of every image of the page, each checked non-zero: the page
     * has no script, so a probe copy written beside it adds one that writes each image's natural size into the DOM.
     */
    public List<String> imageSizes(Path html) throws IOException, InterruptedException {
        Path probe = html.resolveSibling("probe-" + html.getFileName());
        Files.writeString(probe, Files.readString(html).replace("</body>", "<script>addEventListener('load',()=>"
                + "{for(const i of document.images){i.setAttribute('data-natural',i.naturalWidth+'x'"
                + "+i.naturalHeight)}})</script></body>"));
        String dom = run("--dump-dom", probe.toUri().toString());
        Matcher m = Pattern.compile("data-natural=\"(\\d+)x(\\d+)\"").matcher(dom);
        List<String> sizes = new ArrayList<>();
        while (m.find()) {
            assertTrue(Integer.parseInt(m.group(1)) > 0 && Integer.parseInt(m.group(2)) > 0, m.group());
            sizes.add(m.group(1) + "x" + m.group(2));
        }
        return sizes;
    }

    /** Takes a screenshot of the page into {@code shot} at the given window size and returns its distinct colours. */
    public int screenshotColours(Path html, Path shot, String windowSize) throws IOException, InterruptedException {
        Path file = shot.toAbsolutePath();
        Files.deleteIfExists(file);
        run("--screenshot=" + file, "--window-size=" + windowSize, "--hide-scrollbars", html.toUri().toString());
        BufferedImage img = ImageIO.read(file.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private String run(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("gpulab-chromium");
        List<String> cmd = new ArrayList<>(List.of(executable, "--headless", "--no-sandbox", "--disable-gpu",
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
