package org.openstc.screening.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openstc.screening.watchlist.EntityType;
import org.openstc.screening.watchlist.Identifier;
import org.openstc.screening.watchlist.ListedEntity;
import org.openstc.screening.watchlist.Name;
import org.openstc.screening.watchlist.NameStrength;

/**
 * Screens parties against an immutable, in-memory index of listed entities: {@link #build} once per
 * list publication (names are normalised at build time), then {@link #screen} from any number of
 * threads. Retrieval never loses a name the scorer would accept above the threshold; results are
 * deterministic (score, then entity id). Use {@link ActiveScreener} to swap indexes when a list is
 * updated.
 */
public final class Screener {

  private static final int FORCED = 1 << 30;

  private final ListedEntity[] entities;
  private final int[] slotEntity;
  private final Name[] slotName;
  private final NormalName[][] slotForms;

  /** Per name, its original-script form, or null. */
  private final NormalName[] slotOriginal;

  /**
   * Per name, the letters an unmatched query word could still meet: first letters of initials and
   * letters of two-letter words (all bits for non-Latin ones).
   */
  private final int[] slotInitials;

  /** Per name, the first letters of its words (a two-letter query word may stand for two). */
  private final int[] slotFirstLetters;

  private final boolean[] slotWeak;

  private final java.util.concurrent.ConcurrentHashMap<String, TokenMatches> tokenCache =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int TOKEN_CACHE_SIZE = 200_000;
  private final CandidateIndex index;
  private final Map<String, int[]> byIdentifier;
  private final ScreeningOptions defaults;
  private final NameNormaliser normaliser = NameNormaliser.shared();
  private final NameScorer scorer = new NameScorer();
  private final OfacScorer ofac = new OfacScorer();
  private final ScratchPool<Scratch> scratch;

  private Screener(Collection<ListedEntity> list, ScreeningOptions defaults) {
    this.defaults = defaults;
    this.entities = list.toArray(new ListedEntity[0]);
    List<Integer> slotOwner = new ArrayList<>();
    List<Name> names = new ArrayList<>();
    List<NormalName[]> forms = new ArrayList<>();
    Map<String, CandidateIndex.IntList> ids = new HashMap<>();
    // Normalising the names is the bulk of the build: do it on all cores, keep the order.
    List<List<List<NormalName>>> normalised =
        java.util.Arrays.stream(entities)
            .parallel()
            .map(en ->
                en.allNames().stream()
                    .map(n -> listForms(n, en.type() == EntityType.PERSON))
                    .toList())
            .toList();
    for (int e = 0; e < entities.length; e++) {
      List<Name> all = entities[e].allNames();
      for (int k = 0; k < all.size(); k++) {
        List<NormalName> f = normalised.get(e).get(k);
        if (f.get(0).isEmpty() && f.size() == 1) {
          continue;
        }
        slotOwner.add(e);
        names.add(all.get(k));
        forms.add(f.toArray(new NormalName[0]));
      }
      for (Identifier id : entities[e].identifiers()) {
        String key = SecondaryFacts.normaliseId(id.value());
        if (key.length() >= 4) {
          CandidateIndex.IntList l = ids.computeIfAbsent(key, k -> new CandidateIndex.IntList());
          if (l.size == 0 || l.data[l.size - 1] != e) {
            l.add(e);
          }
        }
      }
    }
    int slots = names.size();
    slotEntity = new int[slots];
    slotName = names.toArray(new Name[0]);
    slotForms = forms.toArray(new NormalName[0][]);
    slotOriginal = new NormalName[slots];
    slotInitials = new int[slots];
    slotFirstLetters = new int[slots];
    slotWeak = new boolean[slots];
    for (int s = 0; s < slots; s++) {
      slotOriginal[s] = NameScorer.originalOf(Arrays.asList(slotForms[s]));
      slotEntity[s] = slotOwner.get(s);
      slotWeak[s] = slotName[s].strength() == NameStrength.WEAK;
      for (NormalName f : slotForms[s]) {
        for (int i = 0; i < f.tokens.length; i++) {
          if (f.kinds[i] == TokenKind.WORD) {
            slotFirstLetters[s] |= letterBit(f.tokens[i]);
          }
          if (f.kinds[i] == TokenKind.INITIAL) {
            slotInitials[s] |= letterBit(f.tokens[i]);
          }
        }
      }
    }
    index = new CandidateIndex(forms);
    byIdentifier = new HashMap<>();
    ids.forEach((k, v) -> byIdentifier.put(k, v.toArray()));
    int entityCount = entities.length;
    int vocabSize = index.size();
    scratch = new ScratchPool<>(() -> new Scratch(slots, entityCount, vocabSize));
  }

  /**
   * The comparison forms of a list name, with the family name weighted up when the list marks it (a
   * family-name part, or "SURNAME, Given" order) and the entity is a person.
   */
  /** The comparison forms the index holds for a name of an entity (for tests). */
  List<NormalName> formsOf(ListedEntity entity, Name name) {
    return listForms(name, entity.type() == EntityType.PERSON);
  }

  private List<NormalName> listForms(Name name, boolean person) {
    List<NormalName> forms = normaliser.forms(name.full(), person);
    String family = name.parts().family();
    if (family == null) {
      int comma = name.full().indexOf(',');
      if (comma > 0 && name.full().indexOf(',', comma + 1) < 0) {
        family = name.full().substring(0, comma);
      }
    }
    if (family == null) {
      return forms;
    }
    java.util.Set<String> familyTokens = new java.util.HashSet<>();
    NormalName f = normaliser.normalise(family);
    for (int i = 0; i < f.size(); i++) {
      if (f.kind(i) == TokenKind.WORD) {
        familyTokens.add(f.token(i));
      }
    }
    List<NormalName> out = new ArrayList<>(forms.size());
    for (NormalName n : forms) {
      out.add(n.withFamily(familyTokens));
    }
    return out;
  }

  /** Builds a screener over the entities with default options. */
  public static Screener build(Collection<ListedEntity> entities) {
    return new Screener(entities, ScreeningOptions.DEFAULTS);
  }

  /** Builds a screener over the entities with the given default options. */
  public static Screener build(Collection<ListedEntity> entities, ScreeningOptions defaults) {
    return new Screener(entities, defaults);
  }

  /** Number of entities indexed. */
  public int size() {
    return entities.length;
  }

  /** Number of names indexed (primary names, aliases, original-script names). */
  public int nameCount() {
    return slotName.length;
  }

  /** The options used by {@link #screen(ScreeningQuery)}. */
  public ScreeningOptions defaults() {
    return defaults;
  }

  /** Screens with the default options. */
  public List<ScreeningHit> screen(ScreeningQuery query) {
    return screen(query, defaults);
  }

  /** Screens one party; hits are sorted by score (highest first), then by entity id. */
  public List<ScreeningHit> screen(ScreeningQuery query, ScreeningOptions options) {
    List<NormalName> queryForms = normaliser.forms(query.name(), query.type() == EntityType.PERSON);
    SecondaryFacts.Prepared facts = SecondaryFacts.Prepared.of(query);
    Scratch s = scratch.acquire();
    try {
      return screen(query, options, queryForms, facts, s);
    } finally {
      scratch.release(s);
    }
  }

  private List<ScreeningHit> screen(
      ScreeningQuery query,
      ScreeningOptions options,
      List<NormalName> queryForms,
      SecondaryFacts.Prepared facts,
      Scratch s) {
    s.nextQuery();
    boolean ofacMode = options.mode() == ScoringMode.OFAC;
    int formCount = Math.min(queryForms.size(), Scratch.MAX_FORMS);
    double nameFloor = nameFloorFor(options, facts);
    NormalName queryOriginal = NameScorer.originalOf(queryForms);
    if (!queryForms.get(0).isEmpty() || formCount > 1) {
      for (int f = 0; f < formCount; f++) {
        collectStrong(queryForms.get(f), f, s, nameFloor);
      }
      for (int f = 0; f < formCount; f++) {
        collectWeak(queryForms.get(f), f, s, nameFloor);
      }
    }
    // Entities whose identifiers match are candidates whatever their names.
    List<Integer> idEntities = new ArrayList<>();
    for (String id : facts.ids()) {
      int[] es = byIdentifier.get(id);
      if (es != null) {
        for (int e : es) {
          idEntities.add(e);
        }
      }
    }
    for (int k = 0; k < s.touchedCount; k++) {
      int slot = s.touched[k];
      boolean weak = slotWeak[slot];
      double floor = weak ? 0.999 : nameFloor;
      if (!ofacMode && upperBound(queryForms, formCount, slot, s) < floor) {
        continue;
      }
      double nameScore =
          ofacMode
              ? ofac.score(query.name(), slotName[slot].full()) / 100.0
              : scorer.score(
                  queryForms, queryOriginal, slotForms[slot], slotOriginal[slot], s.scorerScratch);
      if (weak && nameScore < 0.999) {
        continue;
      }
      if (nameScore < floor) {
        continue;
      }
      s.offer(slotEntity[slot], slot, nameScore);
    }
    for (int e : idEntities) {
      if (s.entityStamp[e] != s.stamp) {
        // Name did not reach the floor: score its best name anyway for the explanation.
        int bestSlot = -1;
        double best = -1;
        for (int slot = 0; slot < slotName.length; slot++) {
          if (slotEntity[slot] == e) {
            double sc =
                scorer.score(
                    queryForms,
                    queryOriginal,
                    slotForms[slot],
                    slotOriginal[slot],
                    s.scorerScratch);
            if (sc > best) {
              best = sc;
              bestSlot = slot;
            }
          }
        }
        if (bestSlot >= 0) {
          s.offer(e, bestSlot, Math.max(0, best));
        }
      }
    }
    List<ScreeningHit> hits = new ArrayList<>();
    for (int k = 0; k < s.entityCount; k++) {
      int e = s.entityList[k];
      double nameScore = s.entityScore[e];
      int slot = s.entitySlot[e];
      double score;
      List<String> notes = new ArrayList<>();
      if (ofacMode) {
        score = nameScore;
      } else {
        score = SecondaryFacts.adjust(nameScore, facts, entities[e], notes);
      }
      if (score >= options.threshold()) {
        NameMatch match =
            ofacMode
                ? new NameMatch(nameScore, List.of(), List.of(), List.of())
                : explain(queryForms, slotForms[slot], s.scorerScratch);
        hits.add(new ScreeningHit(entities[e], score, nameScore, slotName[slot], match, notes));
      }
    }
    hits.sort(
        Comparator.comparingDouble(ScreeningHit::score)
            .reversed()
            .thenComparing(h -> h.entity().source())
            .thenComparing(h -> h.entity().id()));
    return hits.size() > options.limit() ? List.copyOf(hits.subList(0, options.limit())) : hits;
  }

  /**
   * The lowest name score that can still become a hit at the options' threshold: only the facts the
   * query gives can raise a score (a query without birth date or country gets no boost, so names
   * below the threshold need not be scored at all). Identifier matches are scored apart.
   */
  private static double nameFloorFor(ScreeningOptions options, SecondaryFacts.Prepared facts) {
    return options.mode() == ScoringMode.OFAC
        ? 0.5
        : options.threshold() - SecondaryFacts.maxBoost(facts);
  }

  /** The explained match of the best pair of forms (script-to-script first, as scored). */
  private NameMatch explain(
      List<NormalName> queryForms, NormalName[] listForms, NameScorer.Scratch ns) {
    NormalName qo = NameScorer.originalOf(queryForms);
    NormalName lo = NameScorer.originalOf(Arrays.asList(listForms));
    if (qo != null && lo != null && qo.script.equals(lo.script)) {
      return scorer.match(qo, lo, ns);
    }
    NameMatch best = null;
    for (NormalName q : queryForms) {
      for (NormalName l : listForms) {
        if (q.originalScript || l.originalScript) {
          continue;
        }
        NameMatch m = scorer.match(q, l, ns);
        if (best == null || m.score() > best.score()) {
          best = m;
        }
      }
    }
    return best != null ? best : new NameMatch(0, List.of(), List.of(), List.of());
  }

  /**
   * First pass over one query form: finds every name holding a vocabulary entry the scorer could
   * align with a significant query token closely enough to matter. Probes (tokens and joined token
   * pairs) are sorted commonest first; the commonest probes whose bits together cannot lift a name
   * to the floor are lazy (the MaxScore idea), so "Mohammad" does not drag in every Mohammad on the
   * list. Of the other probes, the entries below {@link #weakLimit} are weak: even with every such
   * token at that similarity and every lazy one at 1 a name stays under the floor. Lazy probes and
   * weak entries are left to {@link #collectWeak}, which runs after this pass for every form.
   */
  private void collectStrong(NormalName q, int form, Scratch s, double floor) {
    int n = Math.min(q.tokens.length, 30);
    int probes = 0;
    for (int i = 0; i < n; i++) {
      if (!q.kinds[i].significant() && !(q.originalScript && q.kinds[i] == TokenKind.WORD)) {
        continue;
      }
      TokenMatches m;
      if (q.kinds[i] == TokenKind.NUMBER) {
        int id = index.exact(q.tokens[i]);
        m =
            id < 0
                ? TokenMatches.NONE
                : new TokenMatches(new int[] {id}, new float[] {1f}, index.postings[id].length);
      } else {
        m = matches(q.tokens[i], q.skeletons[i], false, s);
      }
      probes = s.addProbe(form, probes, 1 << i, m.ids(), m.sims(), m.postings());
    }
    for (int i = 0; i + 1 < n; i++) {
      if (q.pairJoins[i] != null) {
        TokenMatches m = matches(q.pairJoins[i], q.pairJoinSkeletons[i], true, s);
        probes =
            s.addProbe(form, probes, (1 << i) | (1 << (i + 1)), m.ids(), m.sims(), m.postings());
      }
    }
    // Commonest first: find how many of them together still cannot reach the floor.
    s.sortProbesByCountDescending(form, probes);
    int[] probeBits = s.probeBits[form];
    int covered = 0;
    int lazy = 0;
    for (int k = 0; k < probes; k++) {
      covered |= probeBits[k];
      if (boundForBits(q, covered, covered, 0, -1) < floor) {
        lazy = k + 1;
      } else {
        break;
      }
    }
    int lazyBits = 0;
    int eagerBits = 0;
    for (int k = 0; k < probes; k++) {
      if (k < lazy) {
        lazyBits |= probeBits[k];
      } else {
        eagerBits |= probeBits[k];
      }
    }
    // A token both a lazy and an eager probe cover counts as lazy (at similarity 1).
    int weakBits = eagerBits & ~lazyBits;
    float weak = weakLimit(q, lazyBits, weakBits, floor);
    s.probes[form] = probes;
    s.lazyProbes[form] = lazy;
    s.lazyBits[form] = lazyBits;
    s.weakBits[form] = weakBits;
    s.weakLimit[form] = weak;
    for (int k = probes - 1; k >= lazy; k--) {
      int[] ids = s.probeIds[form][k];
      float[] sims = s.probeSims[form][k];
      for (int e = 0; e < ids.length; e++) {
        if (sims[e] >= weak) {
          mark(ids[e], sims[e], probeBits[k], form, s, FIRST_PASS, null, 0);
        }
      }
    }
    if (q.significantCount == 1 && !q.originalScript) {
      for (int i = 0; i < n; i++) {
        if (q.kinds[i] == TokenKind.WORD && q.tokens[i].length() >= 3) {
          mark(index.exact(q.tokens[i]), 1f, FORCED, form, s, FIRST_PASS, null, 0);
        }
      }
    }
    if (q.acronym != null && q.acronym.length() >= 3) {
      mark(index.exact(q.acronym), 1f, FORCED, form, s, FIRST_PASS, null, 0);
    }
  }

  /**
   * Second pass over one query form, after the first pass of every form: the weak entries and the
   * lazy probes update the names already found, and take a new name only when its initials could
   * still lift it to the floor; such a name is always scored, since the entries met before it was
   * found are missing from its bound.
   */
  private void collectWeak(NormalName q, int form, Scratch s, double floor) {
    int probes = s.probes[form];
    int lazy = s.lazyProbes[form];
    float weak = s.weakLimit[form];
    for (int k = probes - 1; k >= 0; k--) {
      int[] ids = s.probeIds[form][k];
      float[] sims = s.probeSims[form][k];
      for (int e = 0; e < ids.length; e++) {
        if (k < lazy) {
          mark(ids[e], sims[e], s.probeBits[form][k], form, s, LAZY_PROBE, q, floor);
        } else if (sims[e] < weak) {
          mark(ids[e], sims[e], s.probeBits[form][k], form, s, WEAK_ENTRY, q, floor);
        }
      }
    }
  }

  /**
   * The similarity below which an entry of an eager probe cannot bring in a name by itself: a name
   * that meets the query only through lazy probes (at similarity 1) and entries below this limit
   * stays under the floor, even with every two-letter query word taken as met. 0 when there is no
   * such limit; above 1 when every entry is weak (bounds then take weak tokens at 1).
   */
  private static float weakLimit(NormalName q, int lazyBits, int eagerBits, double floor) {
    if (eagerBits == 0 || boundWithWeak(q, lazyBits, eagerBits, 0, 0, -1) >= floor) {
      return 0;
    }
    if (boundWithWeak(q, lazyBits, eagerBits, 1, 0, -1) < floor) {
      return 1.01f;
    }
    float lo = 0;
    float hi = 1;
    for (int round = 0; round < 20; round++) {
      float mid = (lo + hi) * 0.5f;
      if (boundWithWeak(q, lazyBits, eagerBits, mid, 0, -1) < floor) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * An upper bound of the name score when the query tokens in {@code oneBits} (and every token a
   * name's initials or first letters could stand for) align at similarity 1, those in {@code
   * weakBits} at {@code weak}, and the others not at all; list-side weights chosen to maximise the
   * ratio, with every list token as heavy as two family names.
   */
  private static double boundWithWeak(
      NormalName q, int oneBits, int weakBits, float weak, int initials, int firstLetters) {
    double one = 0;
    double weakMin = 0;
    double weakMax = 0;
    double u = 0;
    int n = Math.min(q.tokens.length, 30);
    for (int i = 0; i < n; i++) {
      float w = q.weights[i];
      int bit = 1 << i;
      double heaviest = (w + 2 * NormalName.FAMILY_WEIGHT) * 0.5;
      boolean met =
          (q.significantMask & bit) == 0
              || (oneBits & bit) != 0
              || (initials & q.firstLetterBits[i]) != 0
              || mayBePairAcronym(q, i, firstLetters);
      if (met) {
        one += heaviest;
      } else if ((weakBits & bit) != 0) {
        weakMin += w * 0.5;
        weakMax += heaviest;
      } else {
        u += w * NameScorer.QUERY_GAP_COST;
      }
    }
    double low = one + weakMin + u == 0 ? 0 : (one + weak * weakMin) / (one + weakMin + u);
    double high = one + weakMax + u == 0 ? 0 : (one + weak * weakMax) / (one + weakMax + u);
    return Math.max(low, high);
  }

  /** The vocabulary entries a query word may align with, and how many names hold them. */
  private record TokenMatches(int[] ids, float[] sims, int postings) {
    static final TokenMatches NONE = new TokenMatches(new int[0], new float[0], 0);
  }

  private int postingCount(int[] ids) {
    int c = 0;
    for (int v : ids) {
      c += index.postings[v].length;
    }
    return c;
  }

  /**
   * Vocabulary ids the scorer could align with a word (exact, same skeleton, or within the edit
   * budget at similarity 0.5 or more), cached per screener because names repeat.
   */
  private TokenMatches matches(String token, String skeleton, boolean join, Scratch s) {
    String key = join ? "\u0001" + token : token;
    TokenMatches cached = tokenCache.get(key);
    if (cached != null) {
      return cached;
    }
    s.nextToken();
    CandidateIndex.IntList found = new CandidateIndex.IntList();
    java.util.Map<Integer, Float> sims = new java.util.HashMap<>();
    NameScorer.Scratch ns = s.scorerScratch;
    long signature = EditDistance.letterSignature(token);
    int exact = index.exact(token);
    if (exact >= 0) {
      s.vocabStamp[exact] = s.tokenStamp;
      found.add(exact);
      sims.put(exact, 1f);
    }
    int[] bySkel = index.bySkeleton(skeleton);
    if (bySkel != null) {
      for (int v : bySkel) {
        if (s.vocabStamp[v] != s.tokenStamp) {
          s.vocabStamp[v] = s.tokenStamp;
          found.add(v);
          sims.put(
              v,
              Math.max(
                  NameScorer.SKELETON_SIMILARITY,
                  NameScorer.wordSimilarity(
                      token,
                      skeleton,
                      signature,
                      index.vocab[v],
                      index.vocabSkeleton[v],
                      index.vocabSignature[v],
                      ns)));
        }
      }
    }
    index.forEachNeighbour(
        token,
        join ? 1 : 2,
        v -> {
          if (s.vocabStamp[v] == s.tokenStamp) {
            return;
          }
          s.vocabStamp[v] = s.tokenStamp;
          if (index.vocabNumber[v]) {
            return;
          }
          float sim =
              join
                  ? NameScorer.joinSimilarity(
                      token, skeleton, index.vocab[v], index.vocabSkeleton[v], ns)
                  : NameScorer.wordSimilarity(
                      token,
                      skeleton,
                      signature,
                      index.vocab[v],
                      index.vocabSkeleton[v],
                      index.vocabSignature[v],
                      ns);
          if (sim >= NameScorer.MIN_TOKEN_SIMILARITY) {
            found.add(v);
            // A join entry can also meet this token as a plain word: keep the larger similarity.
            float plain =
                join
                    ? NameScorer.wordSimilarity(
                        token,
                        skeleton,
                        signature,
                        index.vocab[v],
                        index.vocabSkeleton[v],
                        index.vocabSignature[v],
                        ns)
                    : sim;
            sims.put(v, Math.max(sim, plain));
          }
        });
    int[] ids = found.toArray();
    Arrays.sort(ids);
    float[] simArray = new float[ids.length];
    for (int k = 0; k < ids.length; k++) {
      simArray[k] = sims.get(ids[k]);
    }
    TokenMatches m = new TokenMatches(ids, simArray, postingCount(ids));
    if (tokenCache.size() > TOKEN_CACHE_SIZE) {
      tokenCache.clear();
    }
    tokenCache.put(key, m);
    return m;
  }

  /** How {@link #mark} treats a name not found yet. */
  private static final int FIRST_PASS = 0;

  private static final int LAZY_PROBE = 1;

  private static final int WEAK_ENTRY = 2;

  /**
   * Records that the names holding a vocabulary entry could align the query tokens in {@code bits}.
   * In the second pass a name not yet found is taken only if its initials could still lift it to
   * the floor: for a lazy probe, with the probe's tokens at similarity 1; for a weak entry, with
   * every lazy token at 1 and every eager one at the weak limit, and such a name is then always
   * scored, since the entries met before it was found are missing from its bound.
   */
  private void mark(
      int vocabId, float sim, int bits, int form, Scratch s, int pass, NormalName q, double floor) {
    if (vocabId < 0) {
      return;
    }
    boolean join = index.vocabJoin[vocabId];
    for (int slot : index.postings[vocabId]) {
      int forced = 0;
      if (s.slotStamp[slot] != s.stamp) {
        if (pass != FIRST_PASS) {
          int initials = slotInitials[slot];
          if (initials == 0) {
            continue;
          }
          double bound =
              pass == LAZY_PROBE
                  ? boundForBits(q, bits, join ? bits : 0, initials, slotFirstLetters[slot])
                  : boundWithWeak(
                      q,
                      s.lazyBits[form],
                      s.weakBits[form],
                      Math.min(1f, s.weakLimit[form]),
                      initials,
                      slotFirstLetters[slot]);
          if (bound < floor) {
            continue;
          }
          forced = pass == WEAK_ENTRY ? FORCED : 0;
        }
        s.slotStamp[slot] = s.stamp;
        int from = slot * Scratch.MAX_FORMS;
        Arrays.fill(s.masks, from, from + Scratch.MAX_FORMS, 0);
        Arrays.fill(s.joinMasks, from, from + Scratch.MAX_FORMS, 0);
        s.slotTouch[slot] = s.touchedCount;
        s.clearSims(s.touchedCount);
        s.touched[s.touchedCount++] = slot;
      }
      s.masks[slot * Scratch.MAX_FORMS + form] |= bits | forced;
      s.raiseSims(s.slotTouch[slot], form, bits, sim);
      if (join) {
        s.joinMasks[slot * Scratch.MAX_FORMS + form] |= bits;
      }
    }
  }

  /**
   * An upper bound of the name score of a slot given which query tokens could align with it: every
   * alignable token at similarity 1 against the heaviest list token (two for joined entries), every
   * other significant query token unmatched unless the list name has an initial (or two-letter
   * word) it could still meet, and no list-side cost.
   */
  private double upperBound(List<NormalName> queryForms, int formCount, int slot, Scratch s) {
    double best = 0;
    for (int f = 0; f < formCount; f++) {
      int mask = s.masks[slot * Scratch.MAX_FORMS + f];
      if ((mask & FORCED) != 0) {
        return 1;
      }
      if (mask != 0) {
        best =
            Math.max(
                best,
                refinedBound(
                    queryForms.get(f),
                    mask,
                    s.joinMasks[slot * Scratch.MAX_FORMS + f],
                    slotInitials[slot],
                    slotFirstLetters[slot],
                    s,
                    s.slotTouch[slot],
                    f));
      }
    }
    return best;
  }

  private static double boundForBits(
      NormalName q, int mask, int joinMask, int initials, int firstLetters) {
    double a = 0;
    double u = 0;
    int n = Math.min(q.tokens.length, 30);
    for (int i = 0; i < n; i++) {
      float w = q.weights[i];
      int bit = 1 << i;
      if ((joinMask & bit) != 0 || mayBePairAcronym(q, i, firstLetters)) {
        // May align with two joined list tokens, each at most a family name's weight.
        a += (w + 2 * NormalName.FAMILY_WEIGHT) * 0.5;
      } else if ((q.significantMask & bit) == 0
          || (mask & bit) != 0
          || (initials & q.firstLetterBits[i]) != 0) {
        // Aligned at best with similarity 1 against the heaviest single list token.
        a += (w + NormalName.FAMILY_WEIGHT) * 0.5;
      } else {
        u += w * NameScorer.QUERY_GAP_COST;
      }
    }
    return a + u == 0 ? 0 : a / (a + u);
  }

  /**
   * The tight upper bound used before scoring a name: each query token counts with the best
   * similarity it reached against the name's vocabulary entries (0.9 through an initial, 0.85
   * through a two-letter acronym, 1 for tokens the index does not track), and the list-side weight
   * of each aligned pair is chosen, within what the list can hold, to maximise the ratio (the
   * Dinkelbach iteration: a pair heavier on the list side helps only when its similarity beats the
   * current ratio).
   */
  private static double refinedBound(
      NormalName q,
      int mask,
      int joinMask,
      int initials,
      int firstLetters,
      Scratch s,
      int touch,
      int form) {
    int n = Math.min(q.tokens.length, 30);
    double[] sim = s.boundSim;
    double[] pMin = s.boundMin;
    double[] pMax = s.boundMax;
    double u = 0;
    int items = 0;
    for (int i = 0; i < n; i++) {
      float w = q.weights[i];
      int bit = 1 << i;
      double best;
      double heaviest = NormalName.FAMILY_WEIGHT;
      if ((q.significantMask & bit) == 0) {
        best = 1;
      } else {
        best = (mask & bit) == 0 ? 0 : i < Scratch.SIM_TOKENS ? s.sim(touch, form, i) : 1;
        if ((joinMask & bit) != 0) {
          heaviest = 2 * NormalName.FAMILY_WEIGHT;
        }
        if ((initials & q.firstLetterBits[i]) != 0) {
          best = Math.max(best, NameScorer.INITIAL_SIMILARITY);
        }
        if (mayBePairAcronym(q, i, firstLetters)) {
          best = Math.max(best, NameScorer.PAIR_ACRONYM_SIMILARITY);
          heaviest = 2 * NormalName.FAMILY_WEIGHT;
        }
      }
      if (best <= 0) {
        u += w * NameScorer.QUERY_GAP_COST;
      } else {
        sim[items] = best;
        pMin[items] = w * 0.5;
        pMax[items] = (w + heaviest) * 0.5;
        items++;
      }
    }
    double ratio = 0;
    for (int round = 0; round <= items; round++) {
      double num = 0;
      double den = u;
      for (int k = 0; k < items; k++) {
        double p = sim[k] >= ratio ? pMax[k] : pMin[k];
        num += sim[k] * p;
        den += p;
      }
      double next = den == 0 ? 0 : num / den;
      if (next <= ratio + 1e-12) {
        break;
      }
      ratio = next;
    }
    return ratio;
  }

  /** Whether two-letter query token i may stand for two list words with those first letters. */
  private static boolean mayBePairAcronym(NormalName q, int i, int firstLetters) {
    return q.secondLetterBits[i] != 0
        && (firstLetters & q.firstLetterBits[i]) != 0
        && (firstLetters & q.secondLetterBits[i]) != 0;
  }

  /** A bit for the first letter of an ASCII token, or all bits for anything else. */
  private static int letterBit(String token) {
    char c = token.charAt(0);
    return c >= 'a' && c <= 'z' ? 1 << (c - 'a') : -1;
  }

  /** Working memory for one query at a time, sized to this screener's index. */
  private static final class Scratch {
    static final int MAX_FORMS = 4;
    final int[] slotStamp;
    final int[] masks;
    final int[] joinMasks;
    final int[] touched;
    int touchedCount;
    final int[] vocabStamp;
    int tokenStamp;
    final int[] entityStamp;
    final double[] entityScore;
    final int[] entitySlot;
    final int[] entityList;
    int entityCount;
    int stamp;
    final NameScorer.Scratch scorerScratch = new NameScorer.Scratch();
    static final int SIM_TOKENS = 8;
    final int[] slotTouch;
    float[] sims = new float[1024 * MAX_FORMS * SIM_TOKENS];
    final double[] boundSim = new double[32];
    final double[] boundMin = new double[32];
    final double[] boundMax = new double[32];

    void clearSims(int touch) {
      int from = touch * MAX_FORMS * SIM_TOKENS;
      if (from + MAX_FORMS * SIM_TOKENS > sims.length) {
        sims = Arrays.copyOf(sims, sims.length * 2);
      }
      Arrays.fill(sims, from, from + MAX_FORMS * SIM_TOKENS, 0f);
    }

    void raiseSims(int touch, int form, int bits, float sim) {
      int base = (touch * MAX_FORMS + form) * SIM_TOKENS;
      for (int i = 0; i < SIM_TOKENS; i++) {
        if ((bits & (1 << i)) != 0 && sims[base + i] < sim) {
          sims[base + i] = sim;
        }
      }
    }

    float sim(int touch, int form, int token) {
      return sims[(touch * MAX_FORMS + form) * SIM_TOKENS + token];
    }

    final int[][] probeBits = new int[MAX_FORMS][64];
    final float[][][] probeSims = new float[MAX_FORMS][64][];
    final int[][][] probeIds = new int[MAX_FORMS][64][];
    final int[][] probeCount = new int[MAX_FORMS][64];
    final int[] probes = new int[MAX_FORMS];
    final int[] lazyProbes = new int[MAX_FORMS];
    final int[] lazyBits = new int[MAX_FORMS];
    final int[] weakBits = new int[MAX_FORMS];
    final float[] weakLimit = new float[MAX_FORMS];

    int addProbe(int form, int at, int bits, int[] ids, float[] sims, int count) {
      if (at >= probeBits[form].length || ids.length == 0) {
        return at;
      }
      probeBits[form][at] = bits;
      probeIds[form][at] = ids;
      probeSims[form][at] = sims;
      probeCount[form][at] = count;
      return at + 1;
    }

    /** Insertion sort (a handful of probes), commonest first, ties by bits for determinism. */
    void sortProbesByCountDescending(int form, int n) {
      int[] pb = probeBits[form];
      int[][] pi = probeIds[form];
      float[][] ps = probeSims[form];
      int[] pc = probeCount[form];
      for (int i = 1; i < n; i++) {
        int b = pb[i];
        int[] ids = pi[i];
        float[] sm = ps[i];
        int c = pc[i];
        int j = i - 1;
        while (j >= 0 && (pc[j] < c || pc[j] == c && pb[j] > b)) {
          pb[j + 1] = pb[j];
          pi[j + 1] = pi[j];
          ps[j + 1] = ps[j];
          pc[j + 1] = pc[j];
          j--;
        }
        pb[j + 1] = b;
        pi[j + 1] = ids;
        ps[j + 1] = sm;
        pc[j + 1] = c;
      }
    }

    Scratch(int slots, int entities, int vocab) {
      slotStamp = new int[slots];
      slotTouch = new int[slots];
      masks = new int[slots * MAX_FORMS];
      joinMasks = new int[slots * MAX_FORMS];
      touched = new int[slots];
      vocabStamp = new int[vocab];
      entityStamp = new int[entities];
      entityScore = new double[entities];
      entitySlot = new int[entities];
      entityList = new int[entities];
    }

    void nextQuery() {
      stamp++;
      touchedCount = 0;
      entityCount = 0;
    }

    void nextToken() {
      tokenStamp++;
    }

    void offer(int entity, int slot, double score) {
      if (entityStamp[entity] != stamp) {
        entityStamp[entity] = stamp;
        entityScore[entity] = score;
        entitySlot[entity] = slot;
        entityList[entityCount++] = entity;
      } else if (score > entityScore[entity]
          || score == entityScore[entity] && slot < entitySlot[entity]) {
        entityScore[entity] = score;
        entitySlot[entity] = slot;
      }
    }
  }
}
