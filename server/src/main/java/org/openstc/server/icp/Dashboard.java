package org.openstc.server.icp;

import java.util.List;
import java.util.Map;

/**
 * The programme at a glance: charts (holds, alerts, release times, training coverage, the
 * self-assessment) and the evidence the system itself holds for each of the seven elements.
 */
public record Dashboard(
    List<Chart> charts,
    Map<IcpElement, List<String>> evidence,
    long openAlerts,
    long openFindings,
    long overdueFindings,
    long openEscalations,
    int trainingCoveragePercent,
    int expiringLicences) {

  public Dashboard {
    charts = List.copyOf(charts);
    evidence = Map.copyOf(evidence);
  }

  /** A horizontal bar chart, rendered as SVG on the server. */
  public record Chart(String id, String title, String unit, List<Bar> bars) {

    public Chart {
      bars = List.copyOf(bars);
    }

    /** The height of the SVG for its bars. */
    public int height() {
      return Math.max(1, bars.size()) * 26 + 4;
    }
  }

  /** One bar: its label, value and width as a share (0–100) of the chart's largest value. */
  public record Bar(String label, double value, int widthPercent) {

    public String valueText() {
      return value == Math.rint(value)
          ? Long.toString((long) value)
          : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    /** Width in SVG units of a 300-unit bar area. */
    public int width() {
      return Math.max(widthPercent > 0 ? 2 : 0, widthPercent * 3);
    }
  }

  static List<Bar> bars(Map<String, ? extends Number> values) {
    double max = values.values().stream().mapToDouble(Number::doubleValue).max().orElse(0);
    return values.entrySet().stream()
        .map(e ->
            new Bar(
                e.getKey(),
                e.getValue().doubleValue(),
                max <= 0 ? 0 : (int) Math.round(100 * e.getValue().doubleValue() / max)))
        .toList();
  }
}
