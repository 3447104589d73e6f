package org.openstc.server.transactions;

import java.math.BigDecimal;
import java.util.List;
import org.openstc.server.items.Product;
import org.openstc.server.items.ProductClassification;
import org.openstc.server.licences.Licence;
import org.openstc.server.partners.Partner;

/**
 * A draft with every reference looked up: the products with their classifications, the partners
 * with their screening status, and the licence assigned to each line. What the check evaluates.
 */
record ResolvedTransaction(
    TransactionDraft draft,
    List<Line> lines,
    List<Party> parties,
    boolean eucDocumentAttached,
    String eucDocumentSha256) {

  record Line(
      int position,
      Long lineId,
      Product product,
      List<ProductClassification> classifications,
      BigDecimal quantity,
      BigDecimal value,
      String currency,
      Licence licence) {}

  record Party(TransactionRole role, Partner partner) {}
}
