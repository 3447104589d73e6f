package org.openstc.screening.watchlist;

/**
 * The parts of a person's name where the list gives them separately; each part is {@code null} when
 * not given. Follows FollowTheMoney's {@code firstName}, {@code middleName}, {@code lastName},
 * {@code fatherName}, {@code motherName}, {@code title}.
 */
public record NameParts(
    String given,
    String middle,
    String family,
    String patronymic,
    String matronymic,
    String title) {

  /** No parts known. */
  public static final NameParts NONE = new NameParts(null, null, null, null, null, null);

  public NameParts {
    given = Text.clean(given);
    middle = Text.clean(middle);
    family = Text.clean(family);
    patronymic = Text.clean(patronymic);
    matronymic = Text.clean(matronymic);
    title = Text.clean(title);
  }

  public static NameParts of(String given, String middle, String family) {
    return new NameParts(given, middle, family, null, null, null);
  }

  public boolean isEmpty() {
    return given == null
        && middle == null
        && family == null
        && patronymic == null
        && matronymic == null;
  }
}
