package org.openstc.server.items.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.openstc.server.items.ClassificationStatus;
import org.openstc.server.items.Product;
import org.openstc.server.items.ProductClassification;
import org.openstc.server.items.ProductDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of products, their documents and classifications. */
@Repository
public class ProductStore {

  private static final String PRODUCT =
      "select p.*, o.name as org_name, (select count(*) from product_classification c"
          + " where c.product_id = p.id and c.status = 'NEEDS_REVIEW') as reviews"
          + " from product p join organisation o on o.id = p.organisation_id";

  private final JdbcClient jdbc;

  public ProductStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insertProduct(
      long organisationId, String partNumber, String description, String technicalData, String by) {
    jdbc.sql(
            "insert into product (organisation_id, part_number, description, technical_data,"
                + " created_at, created_by) values (:o, :p, :d, :t, :at, :by)")
        .param("o", organisationId)
        .param("p", partNumber)
        .param("d", description)
        .param("t", technicalData)
        .param("at", now())
        .param("by", by)
        .update();
    return jdbc.sql("select id from product where organisation_id = :o and part_number = :p")
        .param("o", organisationId)
        .param("p", partNumber)
        .query(Long.class)
        .single();
  }

  public boolean partNumberTaken(long organisationId, String partNumber) {
    return jdbc.sql(
                "select count(*) from product where organisation_id = :o and lower(part_number) ="
                    + " lower(:p)")
            .param("o", organisationId)
            .param("p", partNumber)
            .query(Long.class)
            .single()
        > 0;
  }

  /** A product, if it exists and is in scope (null scope: any organisation). */
  public Optional<Product> product(long id, Long scope) {
    var spec =
        jdbc.sql(
                PRODUCT
                    + " where p.id = :id"
                    + (scope == null ? "" : " and p.organisation_id = :s"))
            .param("id", id);
    if (scope != null) {
      spec = spec.param("s", scope);
    }
    return spec.query(ProductStore::product).optional();
  }

  public List<Product> products(Long scope, String query) {
    String q = query == null || query.isBlank() ? null : "%" + query.strip().toLowerCase() + "%";
    String where =
        " where 1 = 1"
            + (scope == null ? "" : " and p.organisation_id = :s")
            + (q == null
                ? ""
                : " and (lower(p.part_number) like :q or lower(p.description) like :q)");
    var spec = jdbc.sql(PRODUCT + where + " order by p.part_number");
    if (scope != null) {
      spec = spec.param("s", scope);
    }
    if (q != null) {
      spec = spec.param("q", q);
    }
    return spec.query(ProductStore::product).list();
  }

  public long insertDocument(
      long productId,
      String fileName,
      String contentType,
      long size,
      String sha256,
      String storedName,
      String by) {
    jdbc.sql(
            "insert into product_document (product_id, file_name, content_type, size_bytes,"
                + " sha256, stored_name, uploaded_at, uploaded_by) values (:p, :f, :c, :s, :h,"
                + " :n, :at, :by)")
        .param("p", productId)
        .param("f", fileName)
        .param("c", contentType)
        .param("s", size)
        .param("h", sha256)
        .param("n", storedName)
        .param("at", now())
        .param("by", by)
        .update();
    return jdbc.sql("select id from product_document where stored_name = :n")
        .param("n", storedName)
        .query(Long.class)
        .single();
  }

  public List<ProductDocument> documents(long productId) {
    return jdbc.sql("select * from product_document where product_id = :p order by id")
        .param("p", productId)
        .query(ProductStore::document)
        .list();
  }

  /** A document with the name of its stored file. */
  public record StoredDocument(ProductDocument document, String storedName) {}

  public Optional<StoredDocument> document(long productId, long documentId) {
    return jdbc.sql("select * from product_document where product_id = :p and id = :id")
        .param("p", productId)
        .param("id", documentId)
        .query((rs, n) -> new StoredDocument(document(rs, n), rs.getString("stored_name")))
        .optional();
  }

  public long insertClassification(
      long productId,
      String jurisdiction,
      String code,
      String listId,
      LocalDate listValidFrom,
      String rationale,
      long proposedById,
      String proposedBy) {
    jdbc.sql(
            "insert into product_classification (product_id, jurisdiction, item_code, list_id,"
                + " list_valid_from, rationale, status, proposed_by_id, proposed_by, proposed_at)"
                + " values (:p, :j, :c, :l, :d, :r, 'PROPOSED', :uid, :u, :at)")
        .param("p", productId)
        .param("j", jurisdiction)
        .param("c", code)
        .param("l", listId)
        .param("d", listValidFrom)
        .param("r", rationale)
        .param("uid", proposedById)
        .param("u", proposedBy)
        .param("at", now())
        .update();
    return jdbc.sql("select max(id) from product_classification where product_id = :p")
        .param("p", productId)
        .query(Long.class)
        .single();
  }

  public Optional<ProductClassification> classification(long productId, long id) {
    return jdbc.sql("select * from product_classification where product_id = :p and id = :id")
        .param("p", productId)
        .param("id", id)
        .query(ProductStore::classification)
        .optional();
  }

  public List<ProductClassification> classifications(long productId) {
    return jdbc.sql("select * from product_classification where product_id = :p order by id desc")
        .param("p", productId)
        .query(ProductStore::classification)
        .list();
  }

  /** Approved classifications made against a list, across organisations (for list changes). */
  public List<ProductClassification> approvedOn(String listId) {
    return jdbc.sql(
            "select * from product_classification where list_id = :l and status = 'APPROVED'"
                + " order by id")
        .param("l", listId)
        .query(ProductStore::classification)
        .list();
  }

  /** Classifications waiting for an officer in scope: proposals and approvals to re-check. */
  public List<ProductClassification> awaitingReview(Long scope) {
    var spec =
        jdbc.sql(
            "select c.* from product_classification c join product p on p.id = c.product_id"
                + " where c.status in ('PROPOSED', 'NEEDS_REVIEW')"
                + (scope == null ? "" : " and p.organisation_id = :s")
                + " order by c.id");
    if (scope != null) {
      spec = spec.param("s", scope);
    }
    return spec.query(ProductStore::classification).list();
  }

  public void decide(
      long id, ClassificationStatus status, long byId, String by, String rejectionReason) {
    jdbc.sql(
            "update product_classification set status = :st, decided_by_id = :uid, decided_by ="
                + " :u, decided_at = :at, rejection_reason = :r where id = :id")
        .param("st", status.name())
        .param("uid", byId)
        .param("u", by)
        .param("at", now())
        .param("r", rejectionReason)
        .param("id", id)
        .update();
  }

  /** Marks earlier approvals (and approvals under review) of the jurisdiction as superseded. */
  public int supersede(long productId, String jurisdiction, long keepId) {
    return jdbc.sql(
            "update product_classification set status = 'SUPERSEDED' where product_id = :p and"
                + " jurisdiction = :j and id <> :k and status in ('APPROVED', 'NEEDS_REVIEW')")
        .param("p", productId)
        .param("j", jurisdiction)
        .param("k", keepId)
        .update();
  }

  public void flagForReview(long id, String reviewList, String diff) {
    jdbc.sql(
            "update product_classification set status = 'NEEDS_REVIEW', review_list = :l,"
                + " review_diff = :d, review_flagged_at = :at where id = :id")
        .param("l", reviewList)
        .param("d", diff)
        .param("at", now())
        .param("id", id)
        .update();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private static Product product(ResultSet rs, int n) throws SQLException {
    return new Product(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        rs.getString("org_name"),
        rs.getString("part_number"),
        rs.getString("description"),
        rs.getString("technical_data"),
        instant(rs, "created_at"),
        rs.getString("created_by"),
        rs.getLong("reviews") > 0);
  }

  private static ProductDocument document(ResultSet rs, int n) throws SQLException {
    return new ProductDocument(
        rs.getLong("id"),
        rs.getLong("product_id"),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        instant(rs, "uploaded_at"),
        rs.getString("uploaded_by"));
  }

  private static ProductClassification classification(ResultSet rs, int n) throws SQLException {
    return new ProductClassification(
        rs.getLong("id"),
        rs.getLong("product_id"),
        rs.getString("jurisdiction"),
        rs.getString("item_code"),
        rs.getString("list_id"),
        rs.getObject("list_valid_from", LocalDate.class),
        rs.getString("rationale"),
        ClassificationStatus.valueOf(rs.getString("status")),
        rs.getLong("proposed_by_id"),
        rs.getString("proposed_by"),
        instant(rs, "proposed_at"),
        rs.getString("decided_by"),
        instant(rs, "decided_at"),
        rs.getString("rejection_reason"),
        rs.getString("review_list"),
        rs.getString("review_diff"),
        instant(rs, "review_flagged_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
