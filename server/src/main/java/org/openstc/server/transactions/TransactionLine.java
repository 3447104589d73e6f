package org.openstc.server.transactions;

import java.math.BigDecimal;

/** A stored line: the product, quantity, value and currency, and the licence assigned to it. */
public record TransactionLine(
    long id,
    int position,
    long productId,
    String partNumber,
    String description,
    BigDecimal quantity,
    BigDecimal value,
    String currency,
    Long licenceId) {}
