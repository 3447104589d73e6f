package org.openstc.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameNormaliserTest {

  private final NameNormaliser normaliser = NameNormaliser.shared();

  @Test
  void foldsCaseCompatibilityFormsAndMarks() {
    assertThat(normaliser.normalise("Margarita  SIMONYÁN").text()).isEqualTo("margarita simonyan");
    assertThat(normaliser.normalise("Ｒｅｃｅｐ Erdoğan").text()).isEqualTo("recep erdogan");
    assertThat(normaliser.normalise("Straße Łódź Øresund").text())
        .isEqualTo("strasse lodz oresund");
  }

  @Test
  void joinsApostrophesAndDottedAcronymsButSplitsHyphens() {
    assertThat(normaliser.normalise("Al-Qa'ida").text()).isEqualTo("al qaida");
    assertThat(normaliser.normalise("A.B.C. Company").text()).isEqualTo("abc ~corp");
    assertThat(normaliser.normalise("J.P. Morgan").text()).isEqualTo("jp morgan");
    assertThat(normaliser.normalise("AT&T Inc.").text()).isEqualTo("at and t ~corp");
  }

  @Test
  void mapsLegalFormsOfOneClassToOneToken() {
    String llc = normaliser.normalise("Emma LLC").token(1);
    assertThat(llc).isEqualTo("~llc");
    assertThat(normaliser.normalise("Emma Limited Liability Company").token(1)).isEqualTo(llc);
    assertThat(normaliser.normalise("ООО Эмма").token(0)).isEqualTo(llc);
    assertThat(normaliser.normalise("TOV Emma").token(0)).isEqualTo(llc);
    assertThat(normaliser.normalise("Emma GmbH").token(1)).isEqualTo(llc);
    assertThat(normaliser.normalise("Siemens Aktiengesellschaft").token(1))
        .isEqualTo(normaliser.normalise("OAO Siemens").token(0));
    assertThat(normaliser.normalise("Emma LLC").kind(1)).isEqualTo(TokenKind.LEGAL_FORM);
  }

  @Test
  void legalFormAloneStaysAWord() {
    assertThat(normaliser.normalise("Limited").kind(0)).isEqualTo(TokenKind.WORD);
  }

  @Test
  void classifiesParticlesTitlesNumbersAndInitials() {
    NormalName n = normaliser.normalise("Dr. Hans J. bin Laden 44");
    assertThat(n.kind(0)).isEqualTo(TokenKind.TITLE);
    assertThat(n.kind(1)).isEqualTo(TokenKind.WORD);
    assertThat(n.kind(2)).isEqualTo(TokenKind.INITIAL);
    assertThat(n.kind(3)).isEqualTo(TokenKind.PARTICLE);
    assertThat(n.kind(5)).isEqualTo(TokenKind.NUMBER);
    assertThat(normaliser.normalise("Usama ibn Ladin").token(1)).isEqualTo("bin");
    assertThat(normaliser.normalise("Brigade Forty Three").text()).contains("3");
    assertThat(normaliser.normalise("Bowne Solutions II").token(2)).isEqualTo("2");
  }

  @Test
  void givesTwoRomanisationsAndTheOriginalForCyrillic() {
    List<NormalName> forms = normaliser.forms("Евгений Пригожин");
    assertThat(forms).hasSizeGreaterThanOrEqualTo(2);
    assertThat(forms.get(0).text()).isEqualTo("yevgeniy prigozhin");
    assertThat(forms.stream().map(NormalName::text)).anyMatch(t -> t.startsWith("evgenij"));
    NormalName original = forms.get(forms.size() - 1);
    assertThat(original.isOriginalScript()).isTrue();
    assertThat(original.script()).isEqualTo("Cyrl");
  }

  @Test
  void transliteratesHanToPinyinAndFoldsTraditionalToSimplified() {
    List<NormalName> simplified = normaliser.forms("习近平");
    List<NormalName> traditional = normaliser.forms("習近平");
    assertThat(simplified.get(0).text()).isEqualTo("xi jin ping");
    assertThat(NameScorer.originalOf(traditional)).isEqualTo(NameScorer.originalOf(simplified));
  }

  @Test
  void transliteratesOtherScripts() {
    assertThat(normaliser.normalise("Κυριάκος").text()).isEqualTo("kyriakos");
    assertThat(normaliser.normalise("バラク・オバマ").text()).isEqualTo("baraku obama");
    assertThat(normaliser.normalise("김정은").text()).isNotEmpty();
    assertThat(normaliser.normalise("بنيامين").text()).isNotEmpty();
    assertThat(normaliser.normalise("בנימין").text()).isNotEmpty();
  }

  @Test
  void survivesHostileInput() {
    assertThat(normaliser.normalise(null).isEmpty()).isTrue();
    assertThat(normaliser.normalise("").isEmpty()).isTrue();
    assertThat(normaliser.normalise("\u0000\u0007\u001b\t\u2028").isEmpty()).isTrue();
    assertThat(normaliser.normalise("Ali\u0000Hassan\u200b").text()).isEqualTo("ali hassan");
    NormalName huge = normaliser.normalise("abcdefghij ".repeat(1000));
    assertThat(huge.size()).isLessThanOrEqualTo(NameNormaliser.MAX_TOKENS);
    assertThat(normaliser.normalise("x".repeat(10_000)).token(0).length())
        .isLessThanOrEqualTo(NameNormaliser.MAX_TOKEN_CHARS);
    // Unassigned code points and scripts no transliterator knows give an empty or short form.
    assertThat(normaliser.forms("\uD83D\uDE00 \uE000\uE001 \uFFFF")).isNotEmpty();
    assertThat(normaliser.forms("𓀀𓀁 𐎀𐎁")).isNotEmpty();
  }
}
