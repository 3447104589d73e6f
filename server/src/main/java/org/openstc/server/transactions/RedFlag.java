package org.openstc.server.transactions;

/**
 * The warning signs of a diversion risk, asked of every transaction (DOMAIN.md, EU Recommendation
 * 2019/1318 element 4, ATT Art. 11). A "yes" holds the transaction for an officer's review.
 */
public enum RedFlag {
  RELUCTANT_END_USE("The customer is reluctant to say where the item goes or what it is for."),
  ITEM_DOES_NOT_FIT("The item does not fit the buyer's line of business."),
  CASH_PAYMENT("Payment in cash (or by unusual means) for an expensive item."),
  VAGUE_DELIVERY("Delivery dates are vague or the route is unusual for the destination."),
  FORWARDER_AS_DESTINATION("A freight forwarder is named as the final destination."),
  NO_INTEREST_IN_SUPPORT("The buyer shows no interest in installation, training or warranty.");

  private final String question;

  RedFlag(String question) {
    this.question = question;
  }

  public String question() {
    return question;
  }
}
