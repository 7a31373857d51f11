package dev.apitool.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG: one or more series over shared linear axes (give transformed values
 * for a log axis, with ticks labelled in the original unit), a legend, grid lines. Coordinates are
 * printed in {@link Locale#US} whatever the default locale, and every text is escaped.
 */
public final class SvgChart {

    /** A labelled position on an axis, in the axis's (possibly transformed) unit. */
    public record Tick(double at, String label) {}

    /** A named line through the points {@code (xs[i], ys[i])}. */
    public record Series(String name, String color, double[] xs, double[] ys) {}

    private static final int WIDTH = 860;
    private static final int HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int RIGHT = 40;
    private static final int TOP = 30;
    private static final int BOTTOM = 45;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private double xMin;
    private double xMax = 1;
    private List<Tick> xTicks = List.of();
    private double yMax = 1;
    private List<Tick> yTicks = List.of();
    private final List<Series> series = new ArrayList<>();

    /** A chart described by {@code title} (for screen readers), with axis labels. */
    public SvgChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Sets the x axis from {@code min} to {@code max} with {@code ticks}. */
    public SvgChart x(double min, double max, List<Tick> ticks) {
        this.xMin = min;
        this.xMax = max > min ? max : min + 1;
        this.xTicks = ticks;
        return this;
    }

    /** Sets the y axis from 0 to {@code max} with {@code ticks}. */
    public SvgChart y(double max, List<Tick> ticks) {
        this.yMax = max > 0 ? max : 1;
        this.yTicks = ticks;
        return this;
    }

    public SvgChart add(Series s) {
        series.add(s);
        return this;
    }

    /**
     * Returns about {@code count} round ticks from 0 to at least {@code max} (1, 2 or 5 times a
     * power of ten apart), labelled by {@code label}; the last one is the axis's end.
     */
    public static List<Tick> niceTicks(double max, int count, java.util.function.DoubleFunction<String> label) {
        double raw = Math.max(max, 1e-9) / Math.max(1, count);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw <= magnitude ? 1 : raw <= 2 * magnitude ? 2 : raw <= 5 * magnitude ? 5 : 10);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; ; i++) {
            double at = i * step;
            ticks.add(new Tick(at, label.apply(at)));
            if (at >= max) {
                break;
            }
        }
        return ticks;
    }

    /** Returns {@code v} with at most three decimals and no trailing zeros, in {@link Locale#US}: {@code 2}, {@code 0.5}, {@code 1,250}. */
    public static String number(double v) {
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.###", java.text.DecimalFormatSymbols.getInstance(Locale.US));
        return f.format(v);
    }

    private double px(double x) {
        return LEFT + (x - xMin) / (xMax - xMin) * (WIDTH - LEFT - RIGHT);
    }

    private double py(double y) {
        return HEIGHT - BOTTOM - Math.min(y, yMax) / yMax * (HEIGHT - TOP - BOTTOM);
    }

    private static String n(double v) {
        return String.format(Locale.US, "%.1f", v);
    }

    /** Returns the chart as an {@code <svg>} element. */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" role=\"img\">\n");
        s.append("<title>").append(Html.escape(title)).append("</title>\n");
        s.append("<g class=\"grid\">\n");
        for (Tick t : yTicks) {
            double y = py(t.at());
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(n(y))
                    .append("\" y2=\"").append(n(y)).append("\"/>");
            s.append("<text class=\"yt\" x=\"").append(LEFT - 6).append("\" y=\"").append(n(y + 4)).append("\">")
                    .append(Html.escape(t.label())).append("</text>\n");
        }
        for (Tick t : xTicks) {
            double x = px(t.at());
            s.append("<line x1=\"").append(n(x)).append("\" x2=\"").append(n(x)).append("\" y1=\"").append(TOP).append("\" y2=\"")
                    .append(HEIGHT - BOTTOM).append("\"/>");
            s.append("<text class=\"xt\" x=\"").append(n(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 16).append("\">")
                    .append(Html.escape(t.label())).append("</text>\n");
        }
        s.append("</g>\n");
        s.append("<text class=\"axis\" x=\"").append((WIDTH + LEFT) / 2).append("\" y=\"").append(HEIGHT - 6).append("\">")
                .append(Html.escape(xLabel)).append("</text>\n");
        s.append("<text class=\"axis\" transform=\"rotate(-90)\" x=\"").append(-(HEIGHT - BOTTOM + TOP) / 2).append("\" y=\"16\">")
                .append(Html.escape(yLabel)).append("</text>\n");
        int legendX = LEFT;
        for (Series line : series) {
            s.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(line.color()).append("\" points=\"");
            for (int i = 0; i < line.xs().length; i++) {
                s.append(i == 0 ? "" : " ").append(n(px(line.xs()[i]))).append(',').append(n(py(line.ys()[i])));
            }
            s.append("\"><title>").append(Html.escape(line.name())).append("</title></polyline>\n");
            s.append("<rect x=\"").append(legendX).append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"").append(line.color())
                    .append("\"/><text class=\"legend\" x=\"").append(legendX + 16).append("\" y=\"18\">")
                    .append(Html.escape(line.name())).append("</text>\n");
            legendX += 24 + 8 * line.name().length();
        }
        s.append("</svg>\n");
        return s.toString();
    }
}
