package org.openstc.controls.list;

import java.util.List;
import java.util.Map;

/**
 * One entry of a control list (a heading or any of its sub-paragraphs): its text, the technical
 * parameters and notes printed with it, the regime it comes from and, for US entries, the reasons
 * for control with their Country Chart columns and the list-based licence exceptions.
 */
public record ControlEntry(
    ControlEntryCode code,
    ControlEntryCode parent,
    String text,
    List<String> parameters,
    List<String> notes,
    Regime regime,
    List<String> reasonsForControl,
    List<UsControl> usControls,
    Map<String, String> licenceExceptions) {

  public ControlEntry {
    if (code == null) {
      throw new IllegalArgumentException("control entry without a code");
    }
    text = text == null ? "" : text.strip();
    parameters = List.copyOf(parameters == null ? List.of() : parameters);
    notes = List.copyOf(notes == null ? List.of() : notes);
    regime = regime == null ? Regime.UNKNOWN : regime;
    reasonsForControl = List.copyOf(reasonsForControl == null ? List.of() : reasonsForControl);
    usControls = List.copyOf(usControls == null ? List.of() : usControls);
    licenceExceptions =
        licenceExceptions == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(licenceExceptions));
  }

  /** A plain entry with text only, as for EU, munitions and national lists. */
  public static ControlEntry of(
      ControlEntryCode code,
      String text,
      List<String> parameters,
      List<String> notes,
      Regime regime) {
    return new ControlEntry(
        code, code.parent(), text, parameters, notes, regime, List.of(), List.of(), Map.of());
  }

  /** The text together with parameters and notes, as compared by list diffs and searched. */
  public String fullText() {
    StringBuilder sb = new StringBuilder(text);
    for (String n : notes) {
      sb.append('\n').append(n);
    }
    return sb.toString();
  }
}
