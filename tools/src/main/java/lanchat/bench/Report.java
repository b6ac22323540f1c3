package lanchat.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The figures of one benchmark, in order, printed either as a table for people or as one JSON object for
 * scripts ({@code --json}). Each figure has a JSON key (camelCase, unit in the name: {@code latencyP99Ms}), a
 * label and a unit for the table; a section title only shows in the table. Numbers that are not known (no
 * server pid, nothing measured) are {@code NaN} or null: "n/a" in the table, {@code null} in JSON. The same
 * figure of several runs is one row whose value is a list: "1.20, 0.95, 1.10 ms" (or "all 3: 0") in the table,
 * an array in JSON; {@link #addEach} builds such rows from one {@link #part()} per run.
 *
 * <p>Not thread-safe: built and printed by the main thread.
 */
final class Report {
    private final String title;
    private final List<Row> rows = new ArrayList<>();

    /** One line of the report; {@code key} is null for a section title. */
    private record Row(String key, String label, Object value, String unit) {
    }

    Report(String scenario, String title) {
        this.title = title;
        rows.add(new Row("scenario", "scenario", scenario, ""));
    }

    private Report() {
        this.title = "";
    }

    /** An untitled report without a scenario: the figures of one run, to be passed to {@link #addEach}. */
    static Report part() {
        return new Report();
    }

    /** Adds a figure; {@code value} is a Number, String, Boolean, a List of those, or null. */
    Report add(String key, String label, Object value, String unit) {
        rows.add(new Row(key, label, value, unit));
        return this;
    }

    /** Starts a titled group of rows in the table. */
    Report section(String heading) {
        rows.add(new Row(null, heading, null, ""));
        return this;
    }

    /**
     * Adds the rows of {@code parts} once, each with the list of the parts' values: the same figure of each run,
     * in run order. Every part has the same keys in the same order.
     */
    Report addEach(List<Report> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no parts to add");
        }
        List<String> keys = parts.getFirst().keys();
        for (Report part : parts) {
            if (!part.keys().equals(keys)) {
                throw new IllegalArgumentException("a part has the keys " + part.keys() + ", the first " + keys);
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            int index = i;
            List<Object> values = parts.stream().map(part -> part.rows.get(index).value()).toList();
            Row row = parts.getFirst().rows.get(i);
            rows.add(new Row(row.key(), row.label(), values, row.unit()));
        }
        return this;
    }

    private List<String> keys() {
        return rows.stream().map(Row::key).toList();
    }

    String table() {
        // Section titles stand on their own lines: only the figures' labels set the column.
        int width = rows.stream().filter(row -> row.key() != null).mapToInt(row -> row.label().length()).max()
                .orElse(0) + 2;
        StringBuilder text = new StringBuilder(title).append('\n');
        for (Row row : rows) {
            if (row.key() == null) {
                text.append('\n').append(row.label()).append('\n');
                continue;
            }
            String value = (formatted(row.value()) + " " + row.unit()).strip();
            text.append("  ").append(row.label()).append(" ".repeat(width - row.label().length()))
                    .append(value).append('\n');
        }
        return text.toString();
    }

    String json() {
        JsonObject json = new JsonObject();
        for (Row row : rows) {
            if (row.key() == null) {
                continue;
            }
            json.add(row.key(), jsonOf(row.value()));
        }
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().create().toJson(json);
    }

    private static JsonElement jsonOf(Object value) {
        return switch (value) {
            case null -> JsonNull.INSTANCE;
            case Double d when d.isNaN() || d.isInfinite() -> JsonNull.INSTANCE;
            case Double d -> new JsonPrimitive(Math.round(d * 1000) / 1000.0);
            case Number n -> new JsonPrimitive(n);
            case Boolean b -> new JsonPrimitive(b);
            case List<?> list -> {
                JsonArray array = new JsonArray();
                list.forEach(element -> array.add(jsonOf(element)));
                yield array;
            }
            default -> new JsonPrimitive(value.toString());
        };
    }

    /**
     * Whole numbers with thousands separators; fractions with 3 significant digits at least; a list's values
     * joined by commas, or "all 3: 0" when they read the same.
     */
    static String formatted(Object value) {
        return switch (value) {
            case null -> "n/a";
            case List<?> list when list.size() > 1 && list.stream().map(Report::formatted).distinct().count() == 1
                    -> "all " + list.size() + ": " + formatted(list.getFirst());
            case List<?> list -> list.stream().map(Report::formatted).collect(Collectors.joining(", "));
            case Double d when d.isNaN() || d.isInfinite() -> "n/a";
            case Double d when Math.abs(d) >= 100 -> String.format(Locale.ROOT, "%,.0f", d);
            case Double d when Math.abs(d) >= 10 -> String.format(Locale.ROOT, "%.1f", d);
            case Double d when Math.abs(d) >= 1 -> String.format(Locale.ROOT, "%.2f", d);
            case Double d -> String.format(Locale.ROOT, "%.3f", d);
            case Long l -> String.format(Locale.ROOT, "%,d", l);
            case Integer i -> String.format(Locale.ROOT, "%,d", i);
            default -> value.toString();
        };
    }
}
