package dev.apitool.core.ratelimit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import dev.apitool.core.ratelimit.Policy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "token-bucket:capacity=5,rate=2/s",
            "token-bucket:capacity=100,rate=6000/m,consume-rejected=true,name=per-user",
            "gcra:rate=10/s,burst=5",
            "nginx:rate=10r/s,burst=12,delay=8",
            "nginx:rate=10r/s,burst=12,nodelay",
            "nginx:rate=1r/m,burst=0",
            "fixed-window:limit=100,window=1m",
            "fixed-window:limit=100,window=1h30m15s,align=first",
            "sliding-log:limit=100,window=1m",
            "sliding-window:limit=100,window=250ms",
            "concurrency:max=10",
            "concurrency:max=10,name=uploads"})
    void parse_canonicalSpec_roundTrips(String spec) {
        Policy p = Registry.parse(spec);
        assertThat(p.spec()).isEqualTo(spec);
        assertThat(Registry.parse(p.spec())).isEqualTo(p);
        assertThat(spec).startsWith(p.algorithm() + ":");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            " token-bucket: rate=2/s , capacity=5 | token-bucket:capacity=5,rate=2/s",
            "token-bucket:capacity=5,rate=2r/s,consume-rejected=false,name=token-bucket | token-bucket:capacity=5,rate=2/s",
            "gcra:rate=10/s | gcra:rate=10/s,burst=0",
            "nginx:rate=10 | nginx:rate=10r/s,burst=0",
            "nginx:rate=10/m,burst=3,delay=0 | nginx:rate=10r/m,burst=3",
            "fixed-window:limit=5,window=90s,align=epoch | fixed-window:limit=5,window=1m30s",
            "sliding-log:window=1500us,limit=2 | sliding-log:limit=2,window=1ms500us"})
    void parse_variousSpellings_giveTheCanonicalSpec(String spec, String canonical) {
        assertThat(Registry.parse(spec).spec()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tokenbucket:capacity=5 | unknown algorithm 'tokenbucket' (expected token-bucket, gcra, nginx, fixed-window, sliding-log, sliding-window, concurrency",
            "'' | unknown algorithm ''",
            "token-bucket:capacity=five,rate=2/s | capacity 'five' must be a whole number, 1 to",
            "token-bucket:capacity=0,rate=2/s | capacity '0' must be a whole number, 1 to",
            "token-bucket:capacity=5 | missing parameter 'rate'",
            "token-bucket:capacity=5,rate=2/s,burst=3 | unknown parameter 'burst'",
            "token-bucket:capacity=5,rat=2/s | unknown parameter 'rat' (did you mean 'rate'?)",
            "token-bucket:capacity=5,,rate=2/s | empty parameter",
            "token-bucket:capacity=5,capacity=6,rate=2/s | parameter 'capacity' given twice",
            "token-bucket:capacity=5,rate | parameter 'rate' needs a value",
            "token-bucket:capacity=5,rate= | parameter 'rate' has no value",
            "token-bucket:capacity=5,rate=0.5/s | fractions are not accepted, write 30/m",
            "token-bucket:capacity=5,rate=2/s,consume-rejected=yes | consume-rejected 'yes' must be true or false",
            "token-bucket:capacity=5,rate=2/s,name=a b | name 'a b' must be 1 to 64 letters",
            "token-bucket:capacity=9007199254740991,rate=1/s | must stay below 2^53",
            "gcra:rate=0/s | rate '0/s' must be 1 to 1000000000000 per unit",
            "nginx:rate=10r/h | nginx knows no other unit",
            "nginx:rate=10r/s,nodelay,delay=3 | nodelay and delay=N exclude each other",
            "nginx:rate=10r/s,nodelay=true | nodelay takes no value",
            "fixed-window:limit=10,window=1m,align=last | align 'last' must be one of epoch, first",
            "fixed-window:limit=10,window=0s | window '0s' must be more than zero",
            "fixed-window:limit=10,window=10ns | in whole microseconds",
            "fixed-window:limit=10,window=soon | window: invalid duration 'soon'",
            "sliding-log:limit=1000000,window=1m | limit '1000000' must be a whole number, 1 to 100000",
            "sliding-window:limit=1000000,window=1d | limit * window in microseconds must stay below 2^53",
            "concurrency:max=10,consume-rejected=true | unknown parameter 'consume-rejected' (concurrency parameters: max, name)"})
    void parse_badSpec_isOneLineNamingTheBadPartAndListingParameters(String spec, String message) {
        assertThatThrownBy(() -> Registry.parse(spec))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(message)
                .hasMessageStartingWith("policy '" + spec.strip() + "': ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"token-bucket:capacity=five,rate=2/s", "gcra:burst=x,rate=1/s", "nginx:rate=1r/s,burst=-1",
            "fixed-window:limit=1", "sliding-log:limit=1", "sliding-window:window=1s", "concurrency:max=0"})
    void parse_badParameter_listsTheAlgorithmsParameters(String spec) {
        String algorithm = spec.substring(0, spec.indexOf(':'));
        assertThatThrownBy(() -> Registry.parse(spec))
                .hasMessageEndingWith("(" + algorithm + " parameters: " + String.join(", ", Registry.parameters(algorithm)) + ")");
    }

    /** Each parameter kind is checked once, so an out-of-range value gets the same refusal in every policy that takes it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "token-bucket:capacity=5,rate=0/s | rate '0/s' must be 1 to 1000000000000 per unit",
            "gcra:rate=0/s,burst=1 | rate '0/s' must be 1 to 1000000000000 per unit",
            "nginx:rate=0r/s,burst=1 | rate: invalid nginx rate '0r/s': expected 1 or more requests per second or minute",
            "gcra:rate=1/s,burst=-1 | burst '-1' must be a whole number, 0 to 1000000000",
            "nginx:rate=1r/s,burst=-1 | burst '-1' must be a whole number, 0 to 1000000000",
            "gcra:rate=1/s,burst=1000000001 | burst '1000000001' must be a whole number, 0 to 1000000000",
            "nginx:rate=1r/s,burst=1000000001 | burst '1000000001' must be a whole number, 0 to 1000000000",
            "token-bucket:capacity=0,rate=1/s | capacity '0' must be a whole number, 1 to",
            "fixed-window:limit=0,window=1s | limit '0' must be a whole number, 1 to",
            "sliding-log:limit=0,window=1s | limit '0' must be a whole number, 1 to",
            "sliding-window:limit=0,window=1s | limit '0' must be a whole number, 1 to",
            "concurrency:max=0 | max '0' must be a whole number, 1 to",
            "fixed-window:limit=1,window=0s | window '0s' must be more than zero, in whole microseconds, and below 142 years",
            "sliding-log:limit=1,window=0s | window '0s' must be more than zero, in whole microseconds, and below 142 years",
            "sliding-window:limit=1,window=0s | window '0s' must be more than zero, in whole microseconds, and below 142 years"})
    void parse_outOfRangeParameter_isRefusedTheSameWayByEveryPolicy(String spec, String message) {
        assertThatThrownBy(() -> Registry.parse(spec))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(message);
    }
}
