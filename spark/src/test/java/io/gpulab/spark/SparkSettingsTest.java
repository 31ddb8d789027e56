package io.gpulab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.InvalidOptionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkSettingsTest {

    @Test
    void readsItsOwnKeysAndPassesOtherSparkKeysThrough() {
        SparkSettings s = SparkSettings.parse(Map.of("spark.master", "local-cluster[3,1,512]", "spark.inner", "seq",
                "spark.shards", "7", "spark.task.maxFailures", "2"));
        assertEquals("local-cluster[3,1,512]", s.master());
        assertEquals(3, s.localWorkers());
        assertEquals("seq", s.inner());
        assertEquals(7, s.shards());
        assertEquals(Map.of("spark.task.maxFailures", "2"), s.conf());
    }

    @Test
    void defaultsToALocalClusterOfTwoWorkersOnForkJoin() {
        SparkSettings s = SparkSettings.parse(Map.of());
        assertTrue(s.localCluster(), s.master());
        assertEquals(2, s.localWorkers());
        assertEquals("forkjoin", s.inner());
        assertEquals(0, s.gpusPerTask());
    }

    @Test
    void refusesGpusOnPlainLocalWhichWouldHangForever() {
        for (String master : new String[] {"local", "local[*]", "local[2]"}) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> SparkSettings.parse(
                    Map.of("spark.master", master, "spark.gpusPerTask", "1")));
            assertTrue(e.getMessage().contains("spark.gpusPerTask") && e.getMessage().contains(master),
                    e.getMessage());
        }
    }

    @Test
    void refusesUnknownKeysBadNumbersAndSparkAsItsOwnInner() {
        assertThrows(InvalidOptionException.class, () -> SparkSettings.parse(Map.of("master", "local")));
        assertThrows(InvalidOptionException.class, () -> SparkSettings.parse(Map.of("spark.shards", "-1")));
        assertThrows(InvalidOptionException.class, () -> SparkSettings.parse(Map.of("spark.gpusPerTask", "one")));
        assertThrows(InvalidOptionException.class, () -> SparkSettings.parse(Map.of("spark.inner", "spark")));
    }
}
