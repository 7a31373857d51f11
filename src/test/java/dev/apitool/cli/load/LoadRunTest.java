package dev.apitool.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Netty's leak detector during load runs: off, unless the user set its level. */
class LoadRunTest {

    private ResourceLeakDetector.Level before;

    @BeforeEach
    void remember() {
        before = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
    }

    @AfterEach
    void restore() {
        ResourceLeakDetector.setLevel(before);
    }

    @Test
    void leakDetector_noLevelGiven_isDisabled() {
        assertThat(LoadRun.quietLeakDetector(null)).isTrue();
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.DISABLED);
        LoadRun.restoreLeakDetector();
        assertThat(ResourceLeakDetector.getLevel()).as("put back when the run ends").isEqualTo(ResourceLeakDetector.Level.SIMPLE);
    }

    @Test
    void leakDetector_overlappingRuns_isPutBackAfterTheLast() {
        LoadRun.quietLeakDetector(null);
        LoadRun.quietLeakDetector(null);
        LoadRun.restoreLeakDetector();
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.DISABLED);
        LoadRun.restoreLeakDetector();
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.SIMPLE);
    }

    @Test
    void leakDetector_levelGiven_isLeftAsTheUserSetIt() {
        assertThat(LoadRun.quietLeakDetector("paranoid")).isFalse();
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.SIMPLE);
    }
}
