package dev.apitool.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The launcher's training run: every command it trains, the load runs on loopback included, runs through. */
class TrainingTest {

    @Test
    @Timeout(30)
    void training_runsThrough() {
        assertThatCode(() -> Training.main(new String[0])).doesNotThrowAnyException();
        assertThatCode(() -> Training.main(new String[] {"load"})).doesNotThrowAnyException();
        assertThatCode(() -> Training.main(new String[] {"health"})).doesNotThrowAnyException();
        assertThatCode(() -> Training.main(new String[] {"shell"})).doesNotThrowAnyException();
    }
}
