package dev.apitool.core.load.hdrlog;

import dev.apitool.core.io.InputException;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadModel;
import dev.apitool.core.load.Measurement;
import dev.apitool.core.load.StoppedBy;
import dev.apitool.core.load.report.LoadTimeline;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Merges the {@code --hdr-log} logs of several runs (machines sharing a load, or runs one after
 * another) into one report, as {@code apitool load merge} prints it: histograms added by tag,
 * counts summed ({@link dev.apitool.core.load.Measurement#sum}, as a run's loops are). The duration is the
 * union of the runs' measured spans, placed by their absolute start times, so the rates of two
 * machines running at once add up and a pause between two runs does not count. Runs of the
 * open and the closed model are not merged (their latencies start from different points);
 * runs of different targets are, and the result says so.
 */
public final class LogMerge {

    /**
     * One merged log, as the report lists it.
     *
     * @param file the file as named
     * @param start the run's start (its {@code StartTime})
     * @param durationSec its measured span
     * @param requests its measured requests
     * @param rps its measured requests per second
     */
    public record Source(String file, String url, String method, LoadModel model, Instant start, double durationSec, long requests,
            double rps) {}

    /**
     * The merged report, the logs it came from, what to say about them, and the per-second timeline.
     *
     * @param notes sentences about the merge worth a reader's attention (targets that differ), may be empty
     */
    public record Result(LoadReport report, List<Source> sources, List<String> notes, LoadTimeline timeline) {}

    private LogMerge() {}

    /**
     * Returns the merge of the logs in {@code files}, named {@code names} in messages.
     *
     * @throws InputException naming {@code file:line} when one cannot be read or is not such a log,
     *     or naming the files when their models differ
     */
    public static Result merge(List<Path> files, List<String> names) {
        List<HdrLog> logs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            logs.add(HdrLogReader.read(files.get(i), names.get(i)));
        }
        return merge(logs);
    }

    static Result merge(List<HdrLog> logs) {
        if (logs.isEmpty()) {
            throw new IllegalArgumentException("no logs to merge");
        }
        HdrLog first = logs.get(0);
        for (HdrLog l : logs) {
            if (l.setup().model() != first.setup().model()) {
                throw new InputException(first.name() + " ran the " + first.setup().model() + " model and " + l.name() + " the "
                        + l.setup().model() + " model: their latencies start from different points (the intended start,"
                        + " the send), expected logs of one model");
            }
        }
        long base = logs.stream().mapToLong(HdrLog::startMillis).min().orElseThrow();
        List<Source> sources = new ArrayList<>();
        List<long[]> spans = new ArrayList<>();
        List<Measurement> stats = new ArrayList<>();
        double expected = 0;
        for (HdrLog l : logs) {
            LoadReport.Setup s = l.setup();
            sources.add(new Source(l.name(), s.url(), s.method(), s.model(), Instant.ofEpochMilli(l.startMillis()), l.durationSec(),
                    l.stats().requests(), l.rps()));
            expected += s.targetRps() * l.durationSec();
            long shift = (l.startMillis() - base) * 1_000_000L;
            Measurement st = l.stats().shifted(shift);
            if (st.requests() > 0) {
                spans.add(new long[] {st.firstMeasuredNanos(), st.lastMeasuredNanos()});
            }
            stats.add(st);
        }
        double union = union(spans) / 1e9;
        List<String> notes = new ArrayList<>();
        Set<String> targets = distinct(logs, l -> l.setup().method() + " " + l.setup().url());
        if (targets.size() > 1) {
            notes.add("the logs are of different targets: " + String.join(", ", targets));
        }
        // a log records neither what was sent nor the stages: those stay null
        LoadReport report = LoadReport.builder().url(String.join(", ", distinct(logs, l -> l.setup().url())))
                .method(String.join(", ", distinct(logs, l -> l.setup().method()))).model(first.setup().model())
                .transport(distinct(logs, l -> l.setup().transport()).size() == 1 ? first.setup().transport() : "mixed")
                .connections(logs.stream().mapToInt(l -> l.setup().connections()).sum())
                .threads(logs.stream().mapToInt(l -> l.setup().threads()).sum())
                .targetRps(logs.size() == 1 ? first.setup().targetRps() : union == 0 ? 0 : expected / union)
                .maxInFlight(logs.stream().mapToInt(l -> l.setup().maxInFlight()).sum()).warmup(warmups(logs))
                .stoppedBy(logs.stream().anyMatch(l -> l.setup().stoppedBy() == StoppedBy.INTERRUPT) ? StoppedBy.INTERRUPT
                        : first.setup().stoppedBy())
                .measured(Measurement.sum(stats), union).build();
        return new Result(report, List.copyOf(sources), List.copyOf(notes), timeline(logs, base));
    }

    /**
     * Returns the merged warm-up as the report's count of warm-up requests (the sum) reads with it:
     * {@code first 25 requests of each of 2 logs}, or {@code by log: first 10 requests, first 5 requests},
     * not {@code first 25 requests} beside 50.
     */
    static String warmups(List<HdrLog> logs) {
        Set<String> each = distinct(logs, l -> l.setup().warmup());
        if (logs.size() == 1 || each.equals(Set.of("none"))) {
            return String.join(", ", each);
        }
        return each.size() == 1 ? each.iterator().next() + " of each of " + logs.size() + " logs"
                : "by log: " + String.join(", ", each);
    }

    private static Set<String> distinct(List<HdrLog> logs, Function<HdrLog, String> field) {
        return logs.stream().map(field).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Returns the total length of the union of the spans {@code [from, to]}, in their unit. */
    static long union(List<long[]> spans) {
        spans.sort(Comparator.comparingLong(s -> s[0]));
        long total = 0;
        long from = 0;
        long to = Long.MIN_VALUE;
        for (long[] s : spans) {
            if (s[0] > to) {
                total += to == Long.MIN_VALUE ? 0 : to - from;
                from = s[0];
                to = s[1];
            } else {
                to = Math.max(to, s[1]);
            }
        }
        return total + (to == Long.MIN_VALUE ? 0 : to - from);
    }

    /** Returns the logs' intervals added up second by second, from the earliest start ({@code base}, ms since the epoch). */
    private static LoadTimeline timeline(List<HdrLog> logs, long base) {
        TreeMap<Long, List<HdrLog.Slice>> bins = new TreeMap<>();
        for (HdrLog l : logs) {
            double offset = (l.startMillis() - base) / 1000.0;
            for (HdrLog.Slice s : l.slices()) {
                long second = (long) Math.floor(offset + s.startSec() + 1e-6);
                bins.computeIfAbsent(second, k -> new ArrayList<>()).add(s);
            }
        }
        LoadTimeline timeline = new LoadTimeline();
        Histogram scratch = Measurement.histogram();
        for (var bin : bins.entrySet()) {
            scratch.reset();
            long failed = 0;
            double length = 0;
            for (HdrLog.Slice s : bin.getValue()) {
                if (s.error()) {
                    failed += s.count();
                    continue;
                }
                length = Math.max(length, s.lengthSec());
                try {
                    scratch.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(s.compressed()), 0));
                } catch (java.util.zip.DataFormatException e) {
                    throw new IllegalStateException("a histogram that decoded once no longer does", e);
                }
            }
            timeline.add(bin.getKey(), length, scratch, failed);
        }
        return timeline;
    }
}
