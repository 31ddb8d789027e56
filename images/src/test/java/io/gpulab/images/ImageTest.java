package io.gpulab.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Checks that a direct (off-heap) image behaves as the heap image of the same samples, and its own rules. */
class ImageTest {

    private static Image direct(Image heap) {
        ByteBuffer m = ByteBuffer.allocateDirect(heap.sampleCount());
        m.put(heap.pixels()).flip();
        return Image.direct(heap.width(), heap.height(), heap.channels(), m);
    }

    @Test
    void aDirectImageEqualsAndHashesAsTheHeapImageOfTheSameSamples() {
        for (int c = 1; c <= 4; c++) {
            Image heap = SyntheticImages.generate(17, 13, c, 40 + c);
            Image off = direct(heap);
            assertTrue(off.isDirect());
            assertFalse(heap.isDirect());
            assertEquals(heap, off, "channels " + c);
            assertEquals(off, heap, "channels " + c);
            assertEquals(heap.hashCode(), off.hashCode(), "channels " + c);
            assertArrayEquals(heap.pixels(), off.pixels(), "channels " + c);
            assertEquals(heap.sample(16, 12, c - 1), off.sample(16, 12, c - 1));
            assertEquals(heap.toString(), off.toString());
        }
    }

    @Test
    void oneChangedSampleMakesImagesDifferWhateverTheirMemory() {
        Image heap = SyntheticImages.generate(9, 5, 3, 7);
        Image off = direct(heap);
        off.buffer().put(44, (byte) (heap.pixels()[44] + 1));
        assertNotEquals(heap, off);
        assertNotEquals(heap.hashCode(), off.hashCode());
        assertNotEquals(direct(SyntheticImages.generate(5, 9, 3, 7)), SyntheticImages.generate(9, 5, 3, 7));
    }

    @Test
    void aHeapImagesPixelsAreItsOwnArrayAndItsBufferWritesThrough() {
        byte[] px = new byte[12];
        Image img = new Image(2, 2, 3, px);
        assertSame(px, img.pixels());
        img.buffer().put(5, (byte) 200);
        assertEquals(200, img.sample(1, 0, 2));
    }

    @Test
    void aDirectImagesPixelsAreOneHeapCopyMadeOnFirstUse() {
        Image off = direct(SyntheticImages.generate(8, 8, 4, 3));
        byte[] first = off.pixels();
        assertSame(first, off.pixels(), "the copy is made once");
        // the buffer is the image's memory; the heap copy is not, and no write goes back through it
        first[0] = (byte) ~first[0];
        assertNotEquals(first[0], off.buffer().get(0));
    }

    @Test
    void copyIsAnIndependentHeapImageOfEqualSamples() {
        Image off = direct(SyntheticImages.generate(6, 4, 2, 11));
        Image copy = off.copy();
        assertFalse(copy.isDirect());
        assertEquals(off, copy);
        copy.pixels()[0]++;
        assertNotEquals(off, copy, "the copy does not share the samples");
        Image heap = SyntheticImages.generate(6, 4, 2, 11);
        assertNotSame(heap.pixels(), heap.copy().pixels());
    }

    @Test
    void aDirectImageKeepsItsSamplesWhateverTheBuffersPositionLaterBecomes() {
        ByteBuffer m = ByteBuffer.allocateDirect(10);
        m.position(4);
        for (int i = 0; i < 6; i++) {
            m.put(4 + i, (byte) i);
        }
        Image img = Image.direct(3, 2, 1, m);
        m.position(0).limit(1);
        assertEquals(5, img.sample(2, 1, 0));
        assertEquals(6, img.buffer().remaining());
    }

    @Test
    void aDirectImageNeedsADirectBufferOfExactlyItsSamples() {
        assertThrows(IllegalArgumentException.class, () -> Image.direct(2, 2, 1, ByteBuffer.allocate(4)));
        assertThrows(IllegalArgumentException.class, () -> Image.direct(2, 2, 1, ByteBuffer.allocateDirect(5)));
        assertThrows(IllegalArgumentException.class, () -> Image.direct(0, 2, 1, ByteBuffer.allocateDirect(0)));
        assertThrows(IllegalArgumentException.class, () -> Image.direct(1, 1, 5, ByteBuffer.allocateDirect(5)));
    }

    @Test
    void encodersGiveTheSameFileForADirectAndAHeapImage() throws Exception {
        ImageCodec codec = new ImageCodec();
        for (int c = 1; c <= 4; c++) {
            Image heap = SyntheticImages.generate(31, 7, c, 90 + c);
            byte[] png = ImageCodec.encodePng(direct(heap));
            assertArrayEquals(ImageCodec.encodePng(heap), png, "channels " + c);
            assertEquals(heap, codec.decode(png, "direct round trip, channels " + c));
        }
    }
}
