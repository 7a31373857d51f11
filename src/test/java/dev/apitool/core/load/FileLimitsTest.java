package dev.apitool.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileLimitsTest {

    private static final String PROC = "Limit                     Soft Limit           Hard Limit           Units     \n"
            + "Max processes             63704                63704                processes \n"
            + "Max open files            1024                 4096                 files     \n";

    @Test
    void parse_readsSoftAndHard() {
        assertThat(FileLimits.parse(PROC)).isEqualTo(new FileLimits(1024, 4096));
        assertThat(FileLimits.parse(PROC.replace("4096 ", "unlimited"))).isEqualTo(new FileLimits(1024, Long.MAX_VALUE));
        assertThat(FileLimits.parse("nothing here")).isEqualTo(new FileLimits(-1, -1));
    }

    @Test
    void shortfall_countsTheReserve_andUnknownLimitsNeverRefuse() {
        FileLimits limits = new FileLimits(1024, 4096);
        assertThat(limits.shortfall(1024 - FileLimits.RESERVE)).isEmpty();
        assertThat(limits.shortfall(1000).getAsLong()).isEqualTo(40);
        assertThat(new FileLimits(-1, -1).shortfall(1_000_000)).isEmpty();
    }

    @Test
    void advice_saysWhatToDo() {
        assertThat(new FileLimits(1024, 4096).advice(2000, "-c 2000"))
                .contains("needs about 2064 open files but the limit is 1024", "ulimit -n 2064", "or lower -c");
        assertThat(new FileLimits(1024, 1024).advice(2000, "-c 2000")).contains("raise the hard limit");
    }

    @Test
    void current_onLinux_readsThisProcess() {
        FileLimits here = FileLimits.current();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(here.soft()).isPositive();
        }
    }
}
