package lanchat.client.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one benchmark, in order, printed either as a table for people or as one JSON object for
 * scripts ({@code --json}). Each figure has a JSON key (camelCase, unit in the name: {@code latencyP99Ms}), a
 * label and a unit for the table; a section title only shows in the table. Numbers that are not known (no
 * server pid, nothing measured) are {@code NaN} or null: "n/a" in the table, {@code null} in JSON.
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

    /** Adds a figure; {@code value} is a Number, String, Boolean or null. */
    Report add(String key, String label, Object value, String unit) {
        rows.add(new Row(key, label, value, unit));
        return this;
    }

    /** Starts a titled group of rows in the table. */
    Report section(String heading) {
        rows.add(new Row(null, heading, null, ""));
        return this;
    }

    String table() {
        int width = rows.stream().mapToInt(row -> row.label().length()).max().orElse(0) + 2;
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
            switch (row.value()) {
                case null -> json.add(row.key(), null);
                case Double d when d.isNaN() || d.isInfinite() -> json.add(row.key(), null);
                case Double d -> json.addProperty(row.key(), Math.round(d * 1000) / 1000.0);
                case Number n -> json.addProperty(row.key(), n);
                case Boolean b -> json.addProperty(row.key(), b);
                default -> json.addProperty(row.key(), row.value().toString());
            }
        }
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().create().toJson(json);
    }

    /** Whole numbers with thousands separators; fractions with 3 significant digits at least. */
    static String formatted(Object value) {
        return switch (value) {
            case null -> "n/a";
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
