package dev.apitool.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TaskQueueTest {

    /** A clock only the test moves: elapsed times are exactly what the test added. */
    private final AtomicLong nanos = new AtomicLong();
    private final List<TaskRecord<Integer>> ended = new CopyOnWriteArrayList<>();

    private TaskQueue<Integer> queue(int workers, int capacity, int first) {
        return new TaskQueue<>(workers, capacity, first, nanos::get, ended::add);
    }

    @Test
    void stop_threeDoublingTasksOnTwoWorkers_printsTheDrainedRecords() throws Exception {
        TaskQueue<Integer> queue = queue(2, 10, 0);
        queue.start();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int x = i + 1;
            ids.add(queue.enqueue("double " + x, c -> x * 2));
        }
        List<String> lines = new ArrayList<>();
        lines.add("Enqueued " + ids.size() + " tasks");
        queue.stop();
        lines.add("All tasks completed");
        for (int id : ids) {
            TaskRecord<Integer> rec = queue.status(id).orElseThrow();
            lines.add("Task " + rec.id() + ": " + rec.status().label() + ", result=" + rec.result());
        }
        assertThat(lines).containsExactly(
                "Enqueued 3 tasks",
                "All tasks completed",
                "Task task-0: done, result=2",
                "Task task-1: done, result=4",
                "Task task-2: done, result=6");
        assertThat(ended).hasSize(3);
    }

    @Test
    void failingTask_throws_endsFailedWithItsError() throws Exception {
        TaskQueue<Integer> queue = queue(1, 10, 0);
        queue.start();
        int id = queue.enqueue("boom", c -> {
            throw new IllegalStateException("disk on fire");
        });
        queue.stop();
        TaskRecord<Integer> rec = queue.status(id).orElseThrow();
        assertThat(rec.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(rec.error()).isEqualTo("disk on fire");
        assertThat(rec.result()).isNull();
    }

    @Test
    void cancel_runningTaskWithAHook_runsTheHookAndKeepsItsResult() throws Exception {
        TaskQueue<Integer> queue = queue(1, 10, 1);
        queue.start();
        CountDownLatch started = new CountDownLatch(1);
        int id = queue.enqueue("serve", c -> {
            CountDownLatch stop = new CountDownLatch(1);
            try (Cancellation.Registration r = c.onCancel(stop::countDown)) {
                started.countDown();
                stop.await();
            }
            return 42; // the partial result a cancelled run reports
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.status(id).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(queue.cancel(id)).isTrue();
        TaskRecord<Integer> rec = queue.await(id, Duration.ofDays(1)).orElseThrow();
        assertThat(rec.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(rec.result()).isEqualTo(42);
        assertThat(rec.id()).isEqualTo("task-1");
        assertThat(queue.cancel(id)).as("an ended task cannot be cancelled again").isFalse();
    }

    @Test
    void cancel_runningTaskWithoutAHook_interruptsIt() throws Exception {
        TaskQueue<Integer> queue = queue(1, 10, 0);
        queue.start();
        CountDownLatch started = new CountDownLatch(1);
        int id = queue.enqueue("sleepy", c -> {
            started.countDown();
            new CountDownLatch(1).await(); // only an interrupt ends this
            return 1;
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        queue.cancel(id);
        TaskRecord<Integer> rec = queue.await(id, Duration.ofDays(1)).orElseThrow();
        assertThat(rec.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(rec.error()).contains("Interrupted");
    }

    @Test
    void cancel_pendingTask_endsCancelledWithoutRunning() throws Exception {
        TaskQueue<Integer> queue = queue(1, 10, 0);
        CountDownLatch release = new CountDownLatch(1);
        int first = queue.enqueue("first", c -> {
            release.await();
            return 1;
        });
        int second = queue.enqueue("second", c -> {
            throw new AssertionError("a cancelled pending task never runs");
        });
        queue.start();
        assertThat(queue.cancel(second)).isTrue();
        assertThat(queue.status(second).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
        release.countDown();
        queue.stop();
        assertThat(queue.status(first).orElseThrow().status()).isEqualTo(TaskStatus.DONE);
        assertThat(queue.status(second).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
    }

    @Test
    void elapsed_runningTask_isMeasuredByTheGivenClock() throws Exception {
        TaskQueue<Integer> queue = queue(1, 10, 0);
        queue.start();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        nanos.set(1_000_000_000L);
        int id = queue.enqueue("timed", c -> {
            started.countDown();
            release.await();
            return 0;
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        nanos.addAndGet(Duration.ofSeconds(90).toNanos());
        assertThat(queue.status(id).orElseThrow().elapsed()).isEqualTo(Duration.ofSeconds(90));
        release.countDown();
        queue.stop();
        assertThat(queue.status(id).orElseThrow().elapsed()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void enqueue_pastCapacity_isRejected() {
        TaskQueue<Integer> queue = queue(1, 2, 0);
        queue.enqueue("a", c -> 1);
        queue.enqueue("b", c -> 2);
        assertThatThrownBy(() -> queue.enqueue("c", c -> 3)).isInstanceOf(TaskRejectedException.class)
                .hasMessageContaining("full (2 tasks)");
    }

    @Test
    void shutdown_runningTasks_cancelsThemWithinTheBoundAndRefusesMore() throws Exception {
        TaskQueue<Integer> queue = new TaskQueue<>(2, 10, 0, System::nanoTime, ended::add);
        queue.start();
        CountDownLatch started = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            queue.enqueue("wait " + i, c -> {
                started.countDown();
                new CountDownLatch(1).await();
                return 0;
            });
        }
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.shutdown(Duration.ofSeconds(5))).isTrue();
        assertThat(queue.list()).extracting(TaskRecord::status).containsOnly(TaskStatus.CANCELLED);
        assertThatThrownBy(() -> queue.enqueue("late", c -> 1)).isInstanceOf(TaskRejectedException.class);
    }

    @Test
    void cancellation_secondCancel_alsoInterruptsTheThread() throws Exception {
        Cancellation c = Cancellation.ofCurrentThread();
        List<String> calls = new ArrayList<>();
        try (Cancellation.Registration r = c.onCancel(() -> calls.add("hook"))) {
            c.cancel();
            assertThat(Thread.interrupted()).as("the first cancel runs the hook only").isFalse();
            c.cancel();
            assertThat(Thread.interrupted()).as("a second cancel interrupts").isTrue();
        }
        assertThat(calls).containsExactly("hook", "hook");
        c.onCancel(() -> calls.add("late"));
        assertThat(calls).as("a hook registered after the cancel runs at once").endsWith("late");
    }

    @Test
    void cancellation_actionExpected_firstCancelWaitsForTheLateActionInsteadOfInterrupting() {
        Cancellation c = Cancellation.ofCurrentThread();
        c.expectAction();
        List<String> calls = new ArrayList<>();
        c.cancel();
        assertThat(Thread.interrupted()).as("a command still starting up is not interrupted").isFalse();
        c.onCancel(() -> calls.add("late"));
        assertThat(calls).as("its stop action runs as it registers").containsExactly("late");
        c.cancel();
        assertThat(Thread.interrupted()).as("a second cancel interrupts").isTrue();
    }

    @Test
    void awaitReady_taskSaysReady_returnsItRunningWithItsAddress() throws Exception {
        TaskQueue<Integer> queue = queue(1, 10, 1);
        queue.start();
        int id = queue.enqueue("serve", c -> {
            CountDownLatch stop = new CountDownLatch(1);
            try (Cancellation.Registration r = c.onCancel(stop::countDown)) {
                c.ready("http://127.0.0.1:41234");
                c.ready("http://second.example"); // only the first counts
                stop.await();
            }
            return 0;
        });
        TaskRecord<Integer> rec = queue.awaitReady(id, Duration.ofDays(1)).orElseThrow();
        assertThat(rec.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(queue.readyAddress(id)).contains("http://127.0.0.1:41234");
        queue.cancel(id);
        assertThat(queue.await(id, Duration.ofDays(1)).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(queue.readyAddress(id)).as("kept after the end").contains("http://127.0.0.1:41234");
    }

    @Test
    void awaitReady_taskEndsWithoutSayingReady_returnsTheEndedRecordAndNoAddress() throws Exception {
        TaskQueue<Integer> queue = queue(1, 10, 1);
        queue.start();
        int id = queue.enqueue("bind", c -> {
            throw new IllegalStateException("address already in use");
        });
        TaskRecord<Integer> rec = queue.awaitReady(id, Duration.ofDays(1)).orElseThrow();
        assertThat(rec.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(rec.error()).isEqualTo("address already in use");
        assertThat(queue.readyAddress(id)).isEmpty();
        assertThat(queue.awaitReady(99, Duration.ofDays(1))).as("no such task").isEmpty();
    }

    @Test
    void awaitReady_taskCancelledWhileNotYetReady_returnsItCancelled() throws Exception {
        TaskQueue<Integer> queue = queue(1, 10, 1);
        queue.start();
        CountDownLatch started = new CountDownLatch(1);
        int id = queue.enqueue("starting", c -> {
            CountDownLatch stop = new CountDownLatch(1);
            try (Cancellation.Registration r = c.onCancel(stop::countDown)) {
                started.countDown();
                stop.await(); // still starting: it never says it is ready
            }
            return 0;
        });
        CompletableFuture<TaskRecord<Integer>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.awaitReady(id, Duration.ofDays(1)).orElseThrow();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(waiting).as("not ready, still running: the waiter still waits").isNotDone();
        assertThat(queue.cancel(id)).isTrue();
        TaskRecord<Integer> rec = waiting.get(10, TimeUnit.SECONDS);
        assertThat(rec.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(queue.readyAddress(id)).isEmpty();
    }

    @Test
    void awaitReady_neverReady_givesUpAtTheBoundByTheQueuesClock() throws Exception {
        AtomicLong clock = new AtomicLong();
        // every reading moves the clock 10 s on: the 30 s bound passes after a few readings, not 30 real seconds
        TaskQueue<Integer> queue = new TaskQueue<>(1, 10, 1, () -> clock.addAndGet(Duration.ofSeconds(10).toNanos()), ended::add);
        queue.start();
        CountDownLatch release = new CountDownLatch(1);
        int id = queue.enqueue("slow", c -> {
            release.await();
            return 0;
        });
        TaskRecord<Integer> rec = queue.awaitReady(id, Duration.ofSeconds(30)).orElseThrow();
        assertThat(rec.status().ended()).isFalse();
        assertThat(queue.readyAddress(id)).isEmpty();
        release.countDown();
        queue.stop();
    }
}
