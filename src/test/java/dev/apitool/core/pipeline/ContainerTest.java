package dev.apitool.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dependency-injection container on the classic scenario: a database and a mailer, resolved by name. */
class ContainerTest {

    record Database(String url) {}

    record Mailer(String smtp) {}

    @Test
    void get_twice_returnsOneInstanceBuiltOnce() {
        AtomicInteger dbBuilds = new AtomicInteger();
        AtomicInteger mailerBuilds = new AtomicInteger();
        Container c = new Container();
        c.register("db", "database", k -> {
            dbBuilds.incrementAndGet();
            return new Database("postgresql://localhost/app");
        });
        c.register("mailer", "mailer", k -> {
            mailerBuilds.incrementAndGet();
            return new Mailer("smtp.example.com");
        });

        Database first = c.get("db", Database.class, null);
        Database second = c.get("db", Database.class, null);
        Mailer mailer = c.get("mailer", Mailer.class, null);

        assertThat(first).isSameAs(second);
        assertThat(first.url()).isEqualTo("postgresql://localhost/app");
        assertThat(mailer.smtp()).isEqualTo("smtp.example.com");
        assertThat(dbBuilds).hasValue(1);
        assertThat(mailerBuilds).hasValue(1);
    }

    @Test
    void get_unknownName_namesTheChain() {
        Container c = new Container();
        c.register("shared", "store", k -> k.get("redis", Object.class, null));

        assertThatThrownBy(() -> c.get("shared", Object.class, "rate-limit \"per-user\""))
                .isInstanceOf(Container.ResolutionException.class)
                .hasMessage("rate-limit \"per-user\" -> store \"shared\" -> service \"redis\" -> not defined");
        assertThatThrownBy(() -> c.get("missing", Object.class, "rate-limit \"per-user\""))
                .hasMessage("rate-limit \"per-user\" -> service \"missing\" -> not defined");
    }

    @Test
    void get_cycle_namesTheChain() {
        Container c = new Container();
        c.register("a", "service", k -> k.get("b"));
        c.register("b", "service", k -> k.get("a"));

        assertThatThrownBy(() -> c.get("a"))
                .isInstanceOf(Container.ResolutionException.class)
                .hasMessage("service \"a\" -> service \"b\" -> service \"a\" (a cycle)");
    }

    @Test
    void close_builtObjects_closesInReverseOrderOfBuilding() {
        List<String> closed = new ArrayList<>();
        Container c = new Container();
        c.register("store", "store", k -> (AutoCloseable) () -> closed.add("store"));
        c.register("limiter", "service", k -> {
            k.get("store");
            return (AutoCloseable) () -> closed.add("limiter");
        });
        c.register("unused", "service", k -> (AutoCloseable) () -> closed.add("unused"));

        c.get("limiter");
        c.close();

        assertThat(closed).containsExactly("limiter", "store");
    }

    @Test
    void get_wrongType_saysWhatItIs() {
        Container c = new Container();
        c.register("db", "database", k -> new Database("x"));

        assertThatThrownBy(() -> c.get("db", Mailer.class, "proxy \"p\""))
                .hasMessageContaining("proxy \"p\" -> database \"db\" -> is a database, not a mailer");
    }
}
