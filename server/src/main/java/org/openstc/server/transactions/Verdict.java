package org.openstc.server.transactions;

/** The result of a transaction check, from least to most restrictive. */
public enum Verdict {
  /** Every rule is satisfied: the transaction may go ahead. */
  RELEASED,
  /** Something needs a person: a decision, a licence, a classification, a document. */
  HELD,
  /** A blocked party or a prohibition: only two officers together may release it. */
  BLOCKED;

  public Verdict strictest(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
