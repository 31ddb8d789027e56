package io.gpulab.cpu.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.images.BlurWeights;
import io.gpulab.images.Image;
import io.gpulab.images.ImageCodec;
import io.gpulab.tasks.BlurTask;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compares BlurSeq with OpenCV 4.6 (cv2.GaussianBlur and cv2.blur, BORDER_REPLICATE) on crops of two Kodak photos,
 * one portrait; the references come from {@code testdata/opencv/make_opencv_refs.py}.
 */
class BlurOpenCvTest {

    private final ImageCodec codec = new ImageCodec();

    private Image resource(String name) throws Exception {
        return codec.read(Path.of(getClass().getResource("/testdata/opencv/" + name + ".png").toURI()));
    }

    @ParameterizedTest
    @CsvSource({"kodim23-crop, gaussian-1", "kodim23-crop, gaussian-3", "kodim23-crop, box-2",
        "kodim04-crop, gaussian-1", "kodim04-crop, gaussian-3", "kodim04-crop, box-2"})
    void seqIsWithinOneLevelOfOpenCv(String photo, String blur) throws Exception {
        Image in = resource(photo);
        Image expected = resource(photo + "-" + blur);
        String[] kind = blur.split("-");
        float[] w = kind[0].equals("box") ? BlurWeights.box(Integer.parseInt(kind[1]))
                : BlurWeights.gaussian(Double.parseDouble(kind[1]));
        Image actual = BlurSeq.blur(in, w);
        assertEquals(expected.toString(), actual.toString());
        int max = 0;
        long atOne = 0;
        for (int i = 0; i < actual.sampleCount(); i++) {
            int d = Math.abs((actual.pixels()[i] & 0xFF) - (expected.pixels()[i] & 0xFF));
            max = Math.max(max, d);
            atOne += d == 1 ? 1 : 0;
        }
        System.out.printf("BlurOpenCvTest %s %s: max difference %d, %d of %d samples differ by 1%n", photo, blur, max,
                atOne, actual.sampleCount());
        assertTrue(max <= BlurTask.TOLERANCE, photo + " " + blur + ": max difference " + max + " levels");
    }
}
