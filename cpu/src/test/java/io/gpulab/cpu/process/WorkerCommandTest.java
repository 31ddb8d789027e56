package io.gpulab.cpu.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks that worker JVMs get the Vector API module when the parent has it (the cpu tests run with it). */
class WorkerCommandTest {

    @Test
    void workersGetTheVectorModuleOfTheParent() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "the cpu pom's surefire argLine must add jdk.incubator.vector");
        List<String> cmd = WorkerProcess.command("64m", null, 250);
        int at = cmd.indexOf("--add-modules");
        assertTrue(at > 0 && at < cmd.indexOf("-cp"), "module option before the main class: " + cmd);
        assertEquals("jdk.incubator.vector", cmd.get(at + 1));
        assertEquals(1, Collections.frequency(cmd, "--add-modules"), cmd.toString());
    }
}
