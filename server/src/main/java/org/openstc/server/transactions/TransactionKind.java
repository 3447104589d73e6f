package org.openstc.server.transactions;

import org.openstc.controls.determination.Activity;

/** What the exporter does: ship goods, broker, assist, or transfer technology intangibly. */
public enum TransactionKind {
  EXPORT("Export order / shipment", Activity.EXPORT),
  BROKERING("Brokering", Activity.BROKERING),
  TECHNICAL_ASSISTANCE("Technical assistance", Activity.TECHNICAL_ASSISTANCE),
  /** E-mail, download, cloud access: an export of technology (Art. 2(2)(iv) 2021/821). */
  INTANGIBLE_TRANSFER("Intangible technology transfer", Activity.EXPORT);

  private final String label;
  private final Activity activity;

  TransactionKind(String label, Activity activity) {
    this.label = label;
    this.activity = activity;
  }

  public String label() {
    return label;
  }

  /** The activity the determination engine evaluates. */
  public Activity activity() {
    return activity;
  }
}
