"""The merge of one statement reported in several articles and languages into one quote."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np

from tidings.brief.quotes.extract import Quote
from tidings.brief.quotes.lexicons import COLLECTIVE
from tidings.config import DEFAULT, Config
from tidings.understand.names import similar_keys


def merge(quotes: list[Quote], speaker_entity: dict[str, str], config: Config = DEFAULT,
          units: Callable[[Quote], set[str]] | None = None,
          words: Callable[[Quote], set[str]] | None = None) -> list[list[Quote]]:
    """Group quotes that report one statement (once per article, see
    _one_statement_per_article).

    Cosine alone cannot tell one statement from another by the same speaker at the same
    event (they are about the same things: 0.79-0.91 for true pairs, up to 0.89 for false
    ones), so two quotes in different articles are linked only as mutual nearest
    neighbours: each is the other's closest quote, by the same speaker, in the other's
    article, with cosine at least `quote_merge_similarity`. A quote without a speaker
    links the same way at `quote_merge_similarity_unattributed`. Two quotes in two
    languages link at `quote_merge_similarity_evidenced` when more than cosine says they
    are one statement (_clear, _distinct_shared): `units(quote)` gives what a quote's
    words name in a form shared across languages (the event's entity keys of the people
    it names, its figures, clock times). Linked groups merge while their average cross
    cosine stays at least `quote_group_similarity`, and while two of their quotes in one
    language from two articles share a content word (_Wording; `words(quote)` gives a
    quote's content words, by default content_words of its text). Last, two reports of one
    appearance pair the speaker's quotes that matched nothing (_join_last_left).

    Quotes need `.vector` set (L2-normalised) to merge. Returns groups, largest first.
    """
    n = len(quotes)

    def ent(q: Quote) -> str | None:
        if not q.speaker_key:
            if not q.speaker_label:
                return None
            # A crowd or the press ("ont crié les fidèles") is nobody's mouthpiece: its
            # words are its own, never a named person's (a "#" starts no name key). An
            # unnamed source the text describes ("a Western diplomat, speaking on condition
            # of anonymity, said…") is someone, but nobody the event names: nothing says
            # it is the minister another report quotes on the same summit (a "~" starts
            # no name key either).
            return f"{'#' if q.speaker_label in COLLECTIVE else '~'}{q.speaker_label.replace(' ', '_')}"
        return speaker_entity.get(q.speaker_key, q.speaker_key)

    def same(a: str, b: str) -> bool:
        return same_speaker(a, b, config)

    _resolve_lone_speakers(quotes, ent, config)
    wording = _Wording(quotes, words)
    have = [i for i in range(n) if quotes[i].vector is not None]
    links: list[tuple[float, int, int]] = []
    if len(have) > 1:
        k = len(have)
        mat = np.stack([np.asarray(quotes[i].vector) for i in have])
        sims = mat @ mat.T
        ents = [ent(quotes[i]) for i in have]
        # Threshold for each pair, NaN where the two cannot be one statement (two
        # different speakers); speaker comparisons are made once per pair of names.
        names = sorted({e for e in ents if e})
        index = {e: i for i, e in enumerate(names)}
        # With no named speaker at all, a 1x1 placeholder keeps the indexing below valid
        # (every pair then takes the unattributed threshold).
        alike = np.array([[same(a, b) for b in names] for a in names], dtype=bool).reshape(
            len(names), len(names)) if names else np.zeros((1, 1), dtype=bool)
        eid = np.array([index[e] if e else -1 for e in ents])
        both = (eid[:, None] >= 0) & (eid[None, :] >= 0)
        safe = np.where(eid >= 0, eid, 0)
        # Two descriptions of unnamed sources ("an official" in two reports) may be one
        # source or two: they join as quotes without a speaker do.
        described = np.array([e is not None and e.startswith("~") for e in ents], dtype=bool)
        either = described[:, None] | described[None, :]
        thresh = np.where(both, np.where(alike[safe][:, safe],
                                         np.where(either, config.quote_merge_similarity_unattributed,
                                                  config.quote_merge_similarity), np.nan),
                          config.quote_merge_similarity_unattributed).astype(np.float32)
        masked = np.where(np.isnan(thresh), -np.inf, sims)
        art = [quotes[i].article for i in have]
        cols: dict[str, list[int]] = {}
        for a, x in enumerate(art):
            cols.setdefault(x, []).append(a)
        langs = [quotes[i].lang for i in have]
        # Speakers with quotes left unembedded (the budget): how close those are is unknown.
        unseen = {e for q in quotes if q.vector is None and (e := ent(q))}
        seen_units: dict[int, set[str]] = {}

        def units_at(a: int) -> set[str]:
            if a not in seen_units:
                seen_units[a] = units(quotes[have[a]]) if units else set()
            return seen_units[a]

        def unclaimed(a: int) -> list[int]:
            # a's own article, and quotes with no speaker in reports that never quote a's
            # speaker: such a report's unattributed words are another voice's (a Pakistani
            # report's own line on the truce is no rival for an Indian minister's words).
            skip = list(cols[art[a]])
            for x, c in cols.items():
                if x != art[a] and not any(ents[y] and same(ents[a] or "", ents[y] or "") for y in c):
                    skip += [y for y in c if eid[y] < 0]
            return skip

        def evidenced(a: int, b: int) -> bool:
            # Across languages only: within one, two statements of a day sit closer still.
            if eid[a] < 0 or eid[b] < 0 or described[a] or described[b] or langs[a] == langs[b] or \
                    sims[a, b] < config.quote_merge_similarity_evidenced:
                return False
            if not any(same(ents[a] or "", e) for e in unseen) and \
                    _clear(masked, a, b, unclaimed(a), config.quote_merge_margin) and \
                    _clear(masked, b, a, unclaimed(b), config.quote_merge_margin):
                return True
            return _distinct_shared(a, b, units_at, cols, art, eid, alike, ents)

        # best[x][a]: position (in `have`) of a's closest compatible quote in article x.
        best = {x: np.asarray(c)[np.argmax(masked[:, c], axis=1)] for x, c in cols.items()}
        for a in range(k):
            for x in cols:
                if x == art[a]:
                    continue
                b = int(best[x][a])
                if b <= a or masked[a, b] == -np.inf:
                    continue
                if int(best[art[a]][b]) != a:
                    continue  # not mutual
                if sims[a, b] >= thresh[a, b] or evidenced(a, b):
                    links.append((float(sims[a, b]), have[a], have[b]))
        pos = {i: a for a, i in enumerate(have)}
        linked = {(pos[i], quotes[j].article) for _, i, j in links} | \
            {(pos[j], quotes[i].article) for _, i, j in links}
        links += _leftover_links(sims, thresh, np.where(described, -1, eid), art,
                                 [quotes[i].lang for i in have], linked, have)

    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    contested: set[tuple[int, int]] = set()  # linked quotes whose groups could not join
    for _sim, i, j in sorted(links, reverse=True):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        mine, theirs = members[gi], members[gj]
        if not _speakers_agree([ent(quotes[x]) for x in mine + theirs], config):
            continue  # a quote without a speaker linked to two speakers' statements
        if not wording.agree(mine, theirs):
            continue
        if not _can_join([quotes[x] for x in mine], [quotes[y] for y in theirs]) and \
                not _restated([quotes[x] for x in mine], [quotes[y] for y in theirs], config):
            contested |= {(i, j), (j, i)}
            continue
        cross = [float(np.asarray(quotes[x].vector) @ np.asarray(quotes[y].vector))
                 for x in mine for y in theirs]
        if sum(cross) / len(cross) < config.quote_group_similarity:
            continue
        for k in theirs:
            group_of[k] = gi
        members[gi] = mine + theirs
        del members[gj]
    _best_fit(quotes, group_of, members, contested, ent, config, wording)
    _join_pieces(quotes, group_of, members, ent, config, wording)
    _join_copies(quotes, group_of, members)
    _join_last_left(quotes, group_of, members, ent, config)
    out = [[quotes[i] for i in sorted(m)] for m in members.values()]
    out.sort(key=lambda g: (-len({q.article for q in g}), -len({q.lang for q in g}),
                            min(q.position for q in g)))
    return out


# Words of five letters or more that say nothing of a statement's content (English, the
# language most reports of an event share).
_FUNCTION_WORDS = set("""would could should might shall about above after again against among
    before being below between both cannot during every further their there these those
    which where while whose other under until since still said says saying added
    also very just only""".split())
_UNSPACED_LANGS = ("zh", "ja", "th", "lo", "km", "my", "bo")


def content_words(text: str, names: Iterable[str] = ()) -> set[str]:
    """The content words of a quote, as stems (their first five letters, case aside): words
    of five letters or more, less English function words and the words of `names` (the
    people and places its article names: every statement about one meeting names the
    same ones)."""
    drop = {w.casefold()[:5] for n in names for w in _TOKEN.findall(n)}
    out = set()
    for w in _TOKEN.findall(text):
        low = w.casefold()
        if len(low) >= 5 and low not in _FUNCTION_WORDS and low[:5] not in drop:
            out.add(low[:5])
    return out


# Words, with the vowel signs of Indic scripts and Arabic diacritics inside them.
_TOKEN = re.compile(r"[^\W\d_][\w\u0300-\u036F\u064B-\u065F\u0900-\u0DFF]*")


_WORDED = 3


class _Wording:
    """Whether two groups' quotes may report one statement by their words: two reports in
    one language of one statement keep some of its words (a paraphrase of "the delegation
    will receive full protection" still says "protection" or "delegation"), while two
    statements of one speaker about one summit sit at 0.85 with no content word in common
    ("she would not travel to a city whose army shells her towns" and "the offer looks
    meant to stall any genuine summit"). Across languages words cannot be compared; nor in
    scripts without spaces between words. A quote of one or two content words may say the
    same in other words ("the truce starts at five" against "both sides halt firing on land
    and sea from 17:00"): only quotes of `_WORDED` content words or more are compared."""

    def __init__(self, quotes: list[Quote], words: Callable[[Quote], set[str]] | None) -> None:
        self.quotes = quotes
        self.words = words or (lambda q: content_words(q.text))
        self.seen: dict[int, set[str]] = {}

    def of(self, i: int) -> set[str]:
        if i not in self.seen:
            self.seen[i] = self.words(self.quotes[i])
        return self.seen[i]

    def agree(self, a: list[int], b: list[int]) -> bool:
        for x in a:
            qx = self.quotes[x]
            if qx.lang.lower().startswith(_UNSPACED_LANGS):
                continue
            for y in b:
                qy = self.quotes[y]
                if qy.article == qx.article or qy.lang != qx.lang:
                    continue
                wx, wy = self.of(x), self.of(y)
                if len(wx) >= _WORDED and len(wy) >= _WORDED and not wx & wy:
                    return False
        return True


def _best_fit(quotes: list[Quote], group_of: list[int], members: dict[int, list[int]],
              contested: set[tuple[int, int]], ent, config: Config, wording: _Wording | None = None) -> None:
    """Each quote in the statement it fits best. Links are taken strongest first, so a quote
    that is the mutual closest of two articles' quotes of two different statements by its
    speaker (a report giving "the call at 15:35" and "both sides agreed to stop firing" in
    one sentence) joins whichever link came first, often by a thousandth; the other group
    cannot take it any more (each article gives a statement once). Here a quote moves to
    another group of its speaker when its average cosine with that group's quotes is
    higher than with the rest of its own (and at least `quote_group_similarity`), and the
    move keeps every group to one quote per article (see _can_join). One pass, in order."""
    vec = {i: np.asarray(q.vector) for i, q in enumerate(quotes) if q.vector is not None}

    def fit(i: int, group: list[int]) -> float | None:
        others = [vec[j] for j in group if j != i and j in vec]
        return float(np.mean([vec[i] @ v for v in others])) if others else None

    for i, j in sorted(contested):
        mine = members[group_of[i]]
        if i not in vec or len(mine) < 2 or group_of[i] == group_of[j]:
            continue
        own, there = fit(i, mine), fit(i, members[group_of[j]])
        if own is None or there is None or there <= max(own, config.quote_group_similarity):
            continue
        if not _can_join([quotes[i]], [quotes[k] for k in members[group_of[j]]]):
            continue
        if not _speakers_agree([ent(quotes[k]) for k in members[group_of[j]] + [i]], config):
            continue
        if wording is not None and not wording.agree([i], [k for k in members[group_of[j]] if k != i]):
            continue
        mine.remove(i)
        group_of[i] = group_of[j]
        members[group_of[j]].append(i)


def _join_pieces(quotes: list[Quote], group_of: list[int], members: dict[int, list[int]], ent,
                 config: Config, wording: _Wording | None = None) -> None:
    """Two statements of one speaker that are pieces of one passage: some articles quote a
    post whole ("We have agreed to a truce … Thanks to both
    sides …"), others in pieces, one quotation after the other. The two groups of
    pieces join when (1) in most articles they share, their quotes there follow one
    another with no other quote between (a report may give one piece in its lead and the
    other further down), (2) a quote of the two groups from another
    article is close, at `quote_merge_similarity`, to both pieces of one shared article
    (it gives the whole passage) and shares words with every piece in its language (see
    _Wording: another statement of the speaker's that day is as close by cosine), and (3)
    their average cross cosine is at least `quote_group_similarity`. Two statements of one briefing given apart everywhere (the
    call at 15:35, the halt of firing) have no such whole and stay apart."""
    vec = {i: np.asarray(q.vector) for i, q in enumerate(quotes) if q.vector is not None}
    theta = config.quote_merge_similarity

    def close(w: int, group: list[int]) -> bool:
        return any(vec[w] @ vec[j] >= theta for j in group if j in vec)

    def worded(w: int, shared: dict[str, tuple[list[int], list[int]]]) -> bool:
        # A whole shares words with every piece in its language (see _Wording).
        return wording is None or all(wording.agree([w], ia) and wording.agree([w], ib)
                                      for ia, ib in shared.values())

    def pieces(a: list[int], b: list[int]) -> bool:
        names = [e for e in (ent(quotes[i]) for i in a + b) if e]
        if not names or not all(same_speaker(names[0], e, config) for e in names):
            return False
        by_art: dict[str, tuple[list[int], list[int]]] = {}
        for i in a:
            by_art.setdefault(quotes[i].article, ([], []))[0].append(i)
        for j in b:
            by_art.setdefault(quotes[j].article, ([], []))[1].append(j)
        shared = {x: ab for x, ab in by_art.items() if ab[0] and ab[1]}
        if not shared or len(shared) == len(by_art):
            return False
        following = 0
        for x, (ia, ib) in shared.items():
            pos = {quotes[k].position for k in ia + ib}
            following += not any(min(pos) < p < max(pos) and p not in pos for p in positions[x])
        if following * 2 <= len(shared):
            return False
        wholes = [w for w in a + b if quotes[w].article not in shared and w in vec]
        if not any(close(w, ia) and close(w, ib) and worded(w, shared)
                   for w in wholes for ia, ib in shared.values()):
            return False
        cross = [float(vec[x] @ vec[y]) for x in a for y in b if x in vec and y in vec]
        return bool(cross) and sum(cross) / len(cross) >= config.quote_group_similarity

    positions: dict[str, list[int]] = {}
    for q in quotes:
        positions.setdefault(q.article, []).append(q.position)

    def speaker_of(g: int) -> str | None:
        return next((e for e in (ent(quotes[i]) for i in members[g]) if e), None)

    changed = True
    while changed:
        changed = False
        multi = sorted(g for g, m in members.items() if len({quotes[i].article for i in m}) > 1)
        by_last: dict[str, list[int]] = {}  # same_speaker compares surnames (last words)
        for g in multi:
            e = speaker_of(g)
            if e and e.split() and not e.startswith(("#", "~")):
                by_last.setdefault(e.split()[-1][:1], []).append(g)
        for ga, gb in ((a, b) for gs in by_last.values() for a in gs for b in gs if a < b):
            if ga not in members or gb not in members or not pieces(members[ga], members[gb]):
                continue
            for k in members[gb]:
                group_of[k] = ga
            members[ga] += members.pop(gb)
            changed = True


def _resolve_lone_speakers(quotes: list[Quote], ent, config: Config) -> None:
    """A name only one article gives a speaker (a spelling of its own, 川普 for the Trump
    of every other article) is taken as the named speaker of other articles whose words it
    gives, when two or more other articles in other languages each hold a quote of that
    speaker that is this quote's closest there and has it as its own closest in this
    article, at the cosine a quote without a speaker needs to join. One such match is not
    enough, nor one in the same language: there two statements of one day sit at 0.9
    (卡拉斯 welcoming the truce and Trump announcing it). The quote then takes that
    speaker's key (as written stays)."""
    arts_of: dict[str, set[str]] = {}
    for q in quotes:
        e = ent(q)
        if e and not e.startswith(("#", "~")):
            arts_of.setdefault(e, set()).add(q.article)
    lone = {e for e, arts in arts_of.items() if len(arts) == 1
            and not any(same_speaker(e, o) for o in arts_of if o != e)}
    if not lone:
        return
    have = [i for i, q in enumerate(quotes) if q.vector is not None]
    if len(have) < 3:
        return
    mat = np.stack([np.asarray(quotes[i].vector) for i in have])
    sims = mat @ mat.T
    ents = [ent(quotes[i]) for i in have]
    art = [quotes[i].article for i in have]
    cols: dict[str, list[int]] = {}
    for a, x in enumerate(art):
        cols.setdefault(x, []).append(a)
    resolved: dict[str, str] = {}
    for e in sorted(lone):
        home = next(iter(arts_of[e]))
        named_here = {ents[b] for b in cols.get(home, []) if ents[b]}
        votes: dict[str, set[str]] = {}
        for a in (a for a in cols.get(home, []) if ents[a] == e):
            for x, c in cols.items():
                cand = [b for b in c if ents[b] and ents[b] not in lone and not ents[b].startswith(("#", "~"))]
                if x == home or not cand:
                    continue
                b = max(cand, key=lambda b: sims[a, b])
                if sims[a, b] < config.quote_merge_similarity_unattributed:
                    continue
                if max(cols[home], key=lambda y: sims[b, y]) != a:
                    continue  # not mutual
                other = ents[b]
                # Within one language two statements of one day sit closer than across
                # languages: only articles in another language vote.
                if other and quotes[have[b]].lang != quotes[have[a]].lang and \
                        not any(same_speaker(other, h) for h in named_here if h):
                    votes.setdefault(other, set()).add(x)
        ranked = sorted(votes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        if ranked and len(ranked[0][1]) >= 2 and (len(ranked) == 1 or len(ranked[1][1]) < len(ranked[0][1])):
            resolved[e] = ranked[0][0]
    for q in quotes:
        e = ent(q)
        if e in resolved:
            q.speaker_key = resolved[e]


def _clear(masked: np.ndarray, a: int, b: int, skip: list[int], margin: float) -> bool:
    """Whether b is closer to a, by `margin`, than any other quote that may be by a's
    speaker (by that speaker or by no one named), the quotes in `skip` aside. A speaker quoted
    once in each of two reports, in two languages, is most often quoted for one statement,
    and a translated paraphrase of it sits at 0.80 (an English report of a vice-president's
    words against a Turkish quotation of them); two statements of one speaker that cosine does not tell apart have a
    third quote near them (0.015-0.036 away). The caller asks it only when every quote of
    the speaker has a vector."""
    row = masked[a].copy()
    row[skip] = -np.inf
    row[b] = -np.inf
    return bool(row.max(initial=-np.inf) <= masked[a, b] - margin)


def _distinct_shared(a: int, b: int, units_at: Callable[[int], set[str]], cols: dict[str, list[int]],
                     art: list[str], eid: np.ndarray, alike: np.ndarray, ents: list[str | None]) -> bool:
    """Whether two quotes name something in common (a person, a figure, a clock time) that
    singles each out among its speaker's quotes in its own article: a Spanish and an Arabic
    report of one announcement both name the new pope (one entity key across scripts) at 0.81,
    while the same office's other words that day, closer by cosine, name no one. The speaker does not count (a
    report names whom it quotes), nor a name the speaker's other quotes in the same
    article give too: it does not tell which of them this one is."""
    shared = units_at(a) & units_at(b)
    shared -= {f"name:{ents[a]}", f"name:{ents[b]}"}
    if not shared:
        return False

    def others(x: int) -> list[int]:
        return [y for y in cols[art[x]] if y != x and eid[y] >= 0 and alike[eid[x], eid[y]]]

    return any(not any(u in units_at(y) for y in others(a) + others(b)) for u in shared)


def _leftover_links(sims: np.ndarray, thresh: np.ndarray, eid: np.ndarray, art: list[str],
                    langs: list[str], linked: set[tuple[int, str]],
                    have: list[int]) -> list[tuple[float, int, int]]:
    """Second links between two articles in different languages, by one named speaker:
    of that speaker's quotes not yet linked to the other article, each pair that is each
    other's closest among those left (greedy one-to-one, i.e. mutual nearest once the
    linked ones are set aside), at the same cosine. A speaker's statements in one report
    are all about one meeting, so a paraphrase can sit at 0.84 while another statement
    of the same article sits at 0.85; once that other one has found its own counterpart,
    the paraphrase is the closest left (an English "X suggested that we weigh it"
    against a Romanian quotation of the request)."""
    out: list[tuple[float, int, int]] = []
    cols: dict[str, list[int]] = {}
    for a, x in enumerate(art):
        cols.setdefault(x, []).append(a)
    names = sorted(cols)
    for ix, x in enumerate(names):
        for y in names[ix + 1:]:
            pairs = [(float(sims[a, b]), a, b) for a in cols[x] if (a, y) not in linked and eid[a] >= 0
                     for b in cols[y] if (b, x) not in linked and eid[b] >= 0
                     and langs[a] != langs[b] and sims[a, b] >= thresh[a, b]]
            used: set[int] = set()
            for sim, a, b in sorted(pairs, reverse=True):
                if a in used or b in used:
                    continue
                used |= {a, b}
                out.append((sim, have[a], have[b]))
    return out


def _join_last_left(quotes: list[Quote], group_of: list[int], members: dict[int, list[int]], ent,
                    config: Config) -> None:
    """The statements of one speaker's briefing left without a counterpart in two reports of
    it. When two articles in two languages already share a statement of a speaker, they
    report the same appearance; a quote of that speaker in each that matched nothing
    anywhere is most often the same statement, put in other words: an English "any
    discussion between Putin and Zelensky would require thorough planning" against the
    Romanian quotation "it is important that these contacts be well prepared" (0.81, while
    it sits at 0.84-0.89 to the briefing's other statements, each matched elsewhere).
    Such lone quotes pair greedily, closest first, each once, at
    `quote_merge_similarity_evidenced` or more. Articles that share no statement of the
    speaker may hold two appearances: their lone quotes can sit as close (0.81 for two
    different statements of Zelensky's in an English and a Hindi report of one event), and
    they never pair. Not when some quote of the speaker was left unembedded (how close it
    is is unknown)."""
    unseen = {e for q in quotes if q.vector is None and (e := ent(q))}
    lone: list[tuple[int, str]] = []
    for m in members.values():
        e = ent(quotes[m[0]]) if len(m) == 1 else None
        if e and not e.startswith(("#", "~")) and quotes[m[0]].vector is not None and \
                not any(same_speaker(e, u, config) for u in unseen):
            lone.append((m[0], e))
    if len(lone) < 2:
        return
    # Pairs of articles that share a statement, with the speakers it is by.
    shared: dict[frozenset[str], set[str]] = {}
    for m in members.values():
        arts = sorted({quotes[i].article for i in m})
        e = next((x for x in (ent(quotes[i]) for i in m) if x), None)
        if e and len(arts) > 1:
            for ix, x in enumerate(arts):
                for y in arts[ix + 1:]:
                    shared.setdefault(frozenset((x, y)), set()).add(e)
    pairs = []
    for ia, (a, ea) in enumerate(lone):
        qa = quotes[a]
        for b, eb in lone[ia + 1:]:
            qb = quotes[b]
            if qa.article == qb.article or qa.lang == qb.lang or not same_speaker(ea, eb, config):
                continue
            sim = float(np.asarray(qa.vector) @ np.asarray(qb.vector))
            if sim < config.quote_merge_similarity_evidenced:
                continue
            if any(same_speaker(ea, e, config) for e in shared.get(frozenset((qa.article, qb.article)), ())):
                pairs.append((sim, a, b))
    used: set[int] = set()
    for _sim, a, b in sorted(pairs, reverse=True):
        if a in used or b in used:
            continue
        used |= {a, b}
        ga, gb = group_of[a], group_of[b]
        group_of[b] = ga
        members[ga] += members.pop(gb)


def _speakers_agree(names: list[str | None], config: Config) -> bool:
    """Whether one group's named speakers may all be one person. Links compare two quotes
    only, so a quote without a speaker, linked to two speakers' statements (the same
    announcement made by a ministry and welcomed by a minister), would otherwise carry one
    group into the other."""
    named = sorted({e for e in names if e})
    return all(same_speaker(a, b, config) for i, a in enumerate(named) for b in named[i + 1:])


def same_speaker(a: str, b: str, config: Config = DEFAULT) -> bool:
    """Whether two speaker keys may name one person: equal, or the same surname under
    transliterations the name keys leave apart (Umerov / Umjerow); "Rustem Umerov" keeps
    both words in its key, so surnames (last words) are compared."""
    if a == b:
        return True
    if a.startswith(("#", "~")) or b.startswith(("#", "~")):
        return False  # a crowd, the press, an unnamed source: never a named person, nor another
    a, b = a.split()[-1], b.split()[-1]
    return a == b or (min(len(a), len(b)) >= 4 and a[0] == b[0]
                      and similar_keys(a, b) >= config.speaker_similarity)


def _can_join(a: list[Quote], b: list[Quote]) -> bool:
    """Each article gives a statement once. One exception: a single quote may join a
    group holding the quote just before or after it in its article, since one language
    may split into two sentences what another says in one ("if he is ready we will host
    him. In that case we guarantee his security")."""
    arts_a = {q.article for q in a}
    arts_b = {q.article for q in b}
    shared = arts_a & arts_b
    if not shared:
        return True
    if len(shared) > 1 or min(len(a), len(b)) != 1:
        return False
    single, group = (a[0], b) if len(a) == 1 else (b[0], a)
    if len(group) > len({q.article for q in group}):
        return False  # one split per statement is plausible; more is a chain of topics
    same = [q for q in group if q.article == single.article]
    return len(same) == 1 and abs(same[0].position - single.position) == 1


def resolve_titles(quotes: list[Quote], held: list[tuple[str, str, str, str]],
                   speaker_entity: dict[str, str] | None = None) -> None:
    """Speakers for quotes whose article gave a title to no one ("— wrote the American
    president"): the person the event's other articles give that title, when most of the
    articles naming a holder name that one."""
    speaker_entity = speaker_entity or {}
    votes: dict[str, dict[str, set[str]]] = {}
    surfaces: dict[str, str] = {}
    for stem, surface, key, article in held:
        ent = speaker_entity.get(key, key)
        votes.setdefault(stem, {}).setdefault(ent, set()).add(article)
        surfaces.setdefault(ent, surface)
    for q in quotes:
        if not q.title or q.title not in votes:
            continue
        ranked = sorted(votes[q.title].items(), key=lambda kv: -len(kv[1]))
        total = sum(len(arts) for _, arts in ranked)
        ent, arts = ranked[0]
        if len(arts) * 3 >= total * 2:
            q.speaker, q.speaker_key = surfaces[ent], ent


def _restated(a: list[Quote], b: list[Quote], config: Config) -> bool:
    """Whether two groups sharing articles may still be one statement: each shared
    article's quotes in the two are alike (a report often gives a statement twice, in
    its own words in the lead and in quotation marks below), never two different
    statements of one article."""
    shared = {q.article for q in a} & {q.article for q in b}
    for art in shared:
        for x in (q for q in a if q.article == art):
            for y in (q for q in b if q.article == art):
                if x.vector is None or y.vector is None:
                    return False
                if float(np.asarray(x.vector) @ np.asarray(y.vector)) < config.quote_merge_similarity:
                    return False
    return True


def copy_key(q: Quote) -> tuple[str, str | None, str]:
    """What copies of one quote share (_join_copies): language, speaker and the first ten
    words, case and punctuation aside."""
    return q.lang, q.speaker_key, " ".join(re.sub(r"[\W_]+", " ", q.text.casefold()).split()[:10])


def _join_copies(quotes: list[Quote], group_of: list[int], members: dict[int, list[int]]) -> None:
    """Quotes left without a vector (the embedding budget is bounded) join a group holding
    the same words (the first ten, case and punctuation aside) in the same language from
    another article by the same speaker (or with no speaker on either side): syndicated
    copies and shared agency text need no model. One pass, by dictionary."""
    first: dict[tuple[str, str | None, str], int] = {}
    for i, q in enumerate(quotes):
        key = copy_key(q)
        if len(key[2].split()) < 4:
            continue
        j = first.setdefault(key, i)
        if j == i or q.vector is not None or len(members.get(group_of[i], [])) > 1:
            continue
        target = group_of[j]
        if any(quotes[k].article == q.article for k in members[target]):
            continue
        members[target].append(i)
        del members[group_of[i]]
        group_of[i] = target
