package dev.apitool.cli;

import static dev.apitool.cli.CommandResultAssert.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every duration flag has a range of its own, and a value out of it (even one past the 36500d cap every
 * duration has) is refused with that range, before anything is sent or read.
 */
class DurationFlagRangeTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "load -n 1 http://127.0.0.1:9/ -d              | 99999999999999d | -d              | 1ms to 365d",
        "load -n 1 http://127.0.0.1:9/ -d              | 400d            | -d              | 1ms to 365d",
        "load -n 1 http://127.0.0.1:9/ --max-duration  | 36501d          | --max-duration  | 1ms to 365d",
        "load -n 1 http://127.0.0.1:9/ --jwt-secret k --jwt-ttl | 99999d  | --jwt-ttl       | 2s to 365d",
        "load -n 1 http://127.0.0.1:9/ --jwt-secret k --jwt-refresh | 0  | --jwt-refresh   | 1s to 365d",
        "load -n 1 http://127.0.0.1:9/ --timeout       | 106752d         | --timeout       | 1ms to 10m",
        "jwt verify a.b.c --secret k --leeway          | 106752d         | --leeway        | 0 to 1d",
        "jwt verify a.b.c --secret k --leeway          | 2d              | --leeway        | 0 to 1d",
        "health http://127.0.0.1:9/ --interval         | 1ns             | --interval      | 10ms to 1d",
        "health http://127.0.0.1:9/ --interval         | 36501d          | --interval      | 10ms to 1d",
        "health http://127.0.0.1:9/ --timeout          | 11m             | --timeout       | 1ms to 10m",
        "pipeline run spec.yaml --timeout              | 2h              | --timeout       | 1ms to 1h",
        "pipeline serve spec.yaml --grace              | 99999999999d    | --grace         | 1ms to 1h",
        "pipeline serve spec.yaml --header-timeout     | 0               | --header-timeout | 1ms to 1h",
        "idempotency replay http://127.0.0.1:9/ --ttl  | 2h              | --ttl           | 1ms to 1h"})
    void durationFlag_outOfItsRange_isRefusedWithItsOwnRange(String args, String value, String flag, String range) {
        String[] words = (args.strip() + " " + value).split(" +");
        assertThat(Cli.in(dir).run(words)).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("invalid value for option '" + longName(flag) + "': duration '" + value
                        + "' is out of range, expected " + range);
    }

    private static String longName(String flag) {
        return flag.equals("-d") ? "--duration" : flag;
    }
}
