package org.sectorcrm.examples.web.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * One dashboard chart: rows (months, sectors, buckets) of stacked horizontal bars, one segment per series. The geometry
 * is computed here so the template only prints numbers and escaped text into inline SVG: no script draws it and no
 * style attribute is needed (the page's Content-Security-Policy allows neither inline). Each series has its own fill
 * pattern as well as its own colour, so the chart does not rely on colour alone; the same figures are the chart's
 * table and its CSV.
 */
public record BarChart(String id, String title, String summary, String rowHeading, List<String> rows, List<Series> series, String note) {
    /** Width of the SVG's coordinate system; the SVG scales to its box (viewBox), so the chart reflows at 320 px. */
    static final int WIDTH = 640;
    private static final int LABEL = 190;
    private static final int VALUE = 56;
    private static final int ROW = 26;
    private static final int BAR = 18;
    private static final int TOP = 6;

    /** One series: its name and one value per row. */
    public record Series(String name, List<Long> values) {
    }

    /** One drawn segment; {@code style} is the index of the series' fill (class {@code s0..s5} in app.css). */
    public record Segment(int x, int y, int width, int height, int style, String label) {
    }

    /** One row label and its total, at their coordinates. */
    public record Label(int y, String text, long total, int totalX) {
        /** The label as drawn: long names are cut (the table under the chart has them whole). */
        public String shortText() {
            return text.length() <= 24 ? text : text.substring(0, 23) + "\u2026";
        }
    }

    public BarChart {
        rows = List.copyOf(rows);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != rows.size()) {
                throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size() + " values for " + rows.size() + " rows");
            }
        }
    }

    public int height() {
        return TOP * 2 + ROW * Math.max(1, rows.size());
    }

    public int width() {
        return WIDTH;
    }

    public long total(int row) {
        long t = 0;
        for (Series s : series) {
            t += s.values().get(row);
        }
        return t;
    }

    public long grandTotal() {
        long t = 0;
        for (int i = 0; i < rows.size(); i++) {
            t += total(i);
        }
        return t;
    }

    private long max() {
        long m = 0;
        for (int i = 0; i < rows.size(); i++) {
            m = Math.max(m, total(i));
        }
        return m;
    }

    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        long max = max();
        int span = WIDTH - LABEL - VALUE;
        for (int i = 0; i < rows.size(); i++) {
            long before = 0;
            for (int k = 0; k < series.size(); k++) {
                long v = series.get(k).values().get(i);
                if (v == 0) {
                    continue;
                }
                int x = LABEL + (int) Math.round((double) before * span / max);
                int end = LABEL + (int) Math.round((double) (before + v) * span / max);
                before += v;
                String name = series.size() == 1 ? "" : series.get(k).name() + ", ";
                out.add(new Segment(x, TOP + i * ROW + (ROW - BAR) / 2, Math.max(1, end - x), BAR, k % 6, rows.get(i) + ": " + name + v));
            }
        }
        return out;
    }

    public List<Label> labels() {
        List<Label> out = new ArrayList<>();
        long max = max();
        int span = WIDTH - LABEL - VALUE;
        for (int i = 0; i < rows.size(); i++) {
            long t = total(i);
            int end = LABEL + (max == 0 ? 0 : (int) Math.round((double) t * span / max));
            out.add(new Label(TOP + i * ROW + ROW / 2 + 5, rows.get(i), t, end + 6));
        }
        return out;
    }

    public int labelX() {
        return LABEL - 8;
    }

    /** The chart as CSV rows: a heading row, then one row per chart row with each series' value and the total. */
    public List<List<String>> csv() {
        List<List<String>> out = new ArrayList<>();
        List<String> head = new ArrayList<>();
        head.add(rowHeading);
        series.forEach(s -> head.add(s.name()));
        head.add("Total");
        out.add(head);
        for (int i = 0; i < rows.size(); i++) {
            List<String> line = new ArrayList<>();
            line.add(rows.get(i));
            for (Series s : series) {
                line.add(Long.toString(s.values().get(i)));
            }
            line.add(Long.toString(total(i)));
            out.add(line);
        }
        return out;
    }
}
