package org.openstc.controls.determination;

/** One reason for an outcome: the rule that fired, its legal basis and a plain explanation. */
public record Reason(String rule, String legalBasis, String explanation) {

  public Reason {
    if (rule == null || legalBasis == null || explanation == null) {
      throw new IllegalArgumentException("a reason needs rule, legal basis and explanation");
    }
  }
}
