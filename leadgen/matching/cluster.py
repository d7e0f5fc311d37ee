"""Batch clustering: blocking plus pairwise comparison plus union-find.

Every record pair sharing a block (of at most the rule's ``max_block_size`` records) is compared
once, at its first shared block, and a pair found only through a weak key (one with
``min_name_similarity``) is compared only when its names pass :func:`names_may_match`, as on
ingest. The matches are then joined strongest first, keeping two places of one brand apart
(see :func:`cluster`). Cost grows with the number of records times the (capped) block sizes,
so near linearly once blocks reach their caps.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from leadgen.matching.compare import SHARED_KIND, MatchResult, compare, names_may_match
from leadgen.matching.profile import MatchProfile, blocking_keys
from leadgen.matching.rules import MatchingRules


class UnionFind:
    """Disjoint sets over 0..n-1 with path halving and union by size."""

    def __init__(self, size: int):
        self.parent = list(range(size))
        self.size = [1] * size

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, left: int, right: int) -> bool:
        a, b = self.find(left), self.find(right)
        if a == b:
            return False
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]
        return True


#: Blocking key kinds that count their holders (a switchboard, a list's filler number).
_SHARED_KINDS = frozenset(SHARED_KIND.values())


@dataclass
class Clustering:
    """Cluster label per record, the record that linked each record, and the open pairs."""

    labels: list[int]
    linked_to: array[int] = field(default_factory=lambda: array("q"))
    """record index -> the record it was linked to (-1: none). Only the index is kept, not the
    comparison (a million of those would not fit): :meth:`link` compares the pair again."""
    holders: dict[tuple[str, str], int] = field(default_factory=dict)
    """Shared phones/domains -> how many companies hold them, by their names (only those
    above one; see :func:`spelling_groups`)."""
    possible: list[tuple[int, int, MatchResult]] = field(default_factory=list)
    comparisons: int = 0
    skipped_blocks: int = 0
    screened: int = 0
    """Pairs found only through a weak key whose names are too unlike to compare."""
    reviewed: set[int] = field(default_factory=set)
    """Records linked by a reviewer's "same" decision, not by the rules."""
    kept_apart: int = 0
    """Matches not joined because a reviewer decided their records are different companies."""
    other_places: int = 0
    """Matches not joined because the clusters hold records at two places of one brand."""
    ambiguous: int = 0
    """Records that match two places of one brand: joined to neither, proposed as possible."""
    also_fits: dict[tuple[int, int], int] = field(default_factory=dict)
    """Such a record's possible pair -> the record of the other place it matches too."""

    def shared(self, kind: str, value: str) -> int:
        return self.holders.get((kind, value), 1)

    def link(self, index: int, profiles: Sequence[MatchProfile],
             rules: MatchingRules) -> tuple[int, MatchResult] | None:
        """The record ``index`` was linked to and the comparison that linked them."""
        other = self.linked_to[index] if index < len(self.linked_to) else -1
        if other < 0:
            return None
        return other, compare(profiles[index], profiles[other], rules, self.shared)


@dataclass
class _Blocks:
    """The blocks to compare, numbered in order, and each record's block numbers (CSR arrays:
    a few bytes per membership instead of a Python list per record)."""

    members: list[list[int]]
    kinds: list[str]
    offsets: array[int]
    numbers: array[int]
    skipped: int
    holders: dict[tuple[str, str], int]
    """How many companies (by their names) hold each shared phone/domain: a switchboard or a
    directory."""

    def of(self, record: int) -> array[int]:
        return self.numbers[self.offsets[record]:self.offsets[record + 1]]


class _Apart:
    """Pairs of records that must not end in one cluster: reviewers' "different" pairs, and
    pairs at two places of one brand. A union that would put both records of one in a cluster
    is refused. Only clusters holding such records are checked (few, and few per cluster)."""

    def __init__(self, union: UnionFind, different: Sequence[tuple[int, int]],
                 elsewhere: Sequence[tuple[int, int]] = ()):
        self.union = union
        # record -> [(partner, decided by a reviewer)]
        self.partners: dict[int, list[tuple[int, bool]]] = {}
        for pairs, reviewed in ((different, True), (elsewhere, False)):
            for left, right in pairs:
                self.partners.setdefault(left, []).append((right, reviewed))
                self.partners.setdefault(right, []).append((left, reviewed))
        self.held: dict[int, set[int]] = {}  # root -> its records with partners
        for index in self.partners:
            self.held.setdefault(union.find(index), set()).add(index)

    def join(self, left: int, right: int, *, places: bool = True) -> bool | str:
        """Union the clusters of ``left`` and ``right``: True when joined, False when one
        already, "review" or "place" when a reviewer's decision or two places of one brand
        (unless not ``places``) keep them apart."""
        find = self.union.find
        a, b = find(left), find(right)
        if a == b:
            return False
        mine, theirs = self.held.get(a), self.held.get(b)
        if mine and theirs:
            for index in mine:
                for partner, reviewed in self.partners[index]:
                    if (reviewed or places) and find(partner) == b:
                        return "review" if reviewed else "place"
        self.union.union(a, b)
        root = find(a)
        if mine or theirs:
            self.held.pop(a, None)
            self.held.pop(b, None)
            self.held[root] = (mine or set()) | (theirs or set())
        return True


def cluster(profiles: Sequence[MatchProfile], rules: MatchingRules,
            same: Sequence[tuple[int, int]] = (),
            different: Sequence[tuple[int, int]] = ()) -> Clustering:
    """Cluster record profiles by the rules' blocking keys and match thresholds. ``same`` and
    ``different``: record index pairs reviewers decided, which win over the rules (a "same"
    pair is one cluster; a "different" pair never is, and is not proposed as possible).

    Matches are joined strongest first, after every pair is compared, and never into a
    cluster holding a record that is another company than one of the other cluster's, one a
    third record may fit alike (:attr:`MatchResult.two_companies`: two branches of a chain
    that do not match, a group's two companies on one switchboard): a record that names the
    brand only ("Starbucks", New York) matches every branch, and would otherwise glue them all
    into one company. Such a record joins none of them: it is proposed as a possible match of
    the one it matches best, as on ingest."""
    blocks = _blocks(profiles, rules)
    rank = {rule.key: position for position, rule in enumerate(rules.blocking)}
    screens = {rule.key: rule.min_name_similarity * 100
               for rule in rules.blocking if rule.min_name_similarity}
    strongest_screen = min((rank[key] for key in screens), default=len(rank))
    result = Clustering(labels=[], linked_to=array("q", [-1]) * len(profiles),
                        holders=blocks.holders, skipped_blocks=blocks.skipped)
    shared = result.shared
    matches: list[tuple[float, int, int]] = []
    elsewhere: list[tuple[int, int]] = []  # pairs of two companies a record may fit alike
    for number, members in enumerate(blocks.members):
        kind = blocks.kinds[number]
        # A pair is screened when the strongest key it shares is a weak one, as on ingest
        # (where candidates are gathered strongest key first).
        may_screen = kind in screens or rank[kind] > strongest_screen
        for i, left in enumerate(members):
            left_blocks = blocks.of(left)
            earlier = left_blocks[:left_blocks.index(number)]
            for right in members[i + 1:]:
                if earlier:
                    right_blocks = blocks.of(right)
                    if any(b in right_blocks for b in earlier):
                        continue  # compared at the first block the pair shares
                if may_screen:
                    right_blocks = blocks.of(right)
                    strongest = min(rank[blocks.kinds[b]] for b in left_blocks
                                    if b in right_blocks)
                    cutoff = screens.get(rules.blocking[strongest].key)
                    if cutoff and not names_may_match(profiles[left].names,
                                                      profiles[right].names, cutoff,
                                                      rules.generic_name_words):
                        result.screened += 1
                        continue
                outcome = compare(profiles[right], profiles[left], rules, shared)
                result.comparisons += 1
                if outcome.two_companies:
                    elsewhere.append((left, right))  # (a pair matching by its phone is one)
                if outcome.decision == "match":
                    matches.append((-outcome.score, left, right))
                elif outcome.decision == "possible":
                    result.possible.append((left, right, outcome))
    matches.sort()  # strongest first (pairs of equal weight by record index)
    if elsewhere:
        matches = _without_ambiguous(matches, elsewhere, profiles, rules, result)
    union = UnionFind(len(profiles))
    apart = _Apart(union, different, elsewhere)
    linked_to = result.linked_to
    for left, right in same:  # a reviewer's "same" wins over the rules' places
        joined = apart.join(left, right, places=False)
        if joined is True:
            linked_to[right] = left
            result.reviewed.add(right)
        elif joined:  # "same" and "different" both decided: the different one holds
            result.kept_apart += 1
    for _, left, right in matches:
        joined = apart.join(left, right)
        if joined is True:
            linked_to[right] = left
        elif joined == "review":
            result.kept_apart += 1
        elif joined:
            result.other_places += 1
    find = union.find
    labels = result.labels = [find(index) for index in range(len(profiles))]
    kept = {frozenset((labels[a], labels[b])) for a, b in different}
    result.possible = [
        (a, b, outcome) for a, b, outcome in result.possible
        if labels[a] != labels[b] and frozenset((labels[a], labels[b])) not in kept
    ]
    return result


def _without_ambiguous(matches: list[tuple[float, int, int]], elsewhere: list[tuple[int, int]],
                       profiles: Sequence[MatchProfile], rules: MatchingRules,
                       result: Clustering) -> list[tuple[float, int, int]]:
    """``matches`` without those of records that match both records of an ``elsewhere`` pair
    (two places of one brand, two companies on one line): such a record ("Starbucks", New
    York) could be either, so it joins neither and goes to review with the one it matches
    best, as on ingest."""
    involved = {index for pair in elsewhere for index in pair}
    neighbours: dict[int, set[int]] = {index: set() for index in involved}
    for _, left, right in matches:
        if left in involved:
            neighbours[left].add(right)
        if right in involved:
            neighbours[right].add(left)
    places: dict[int, tuple[int, int]] = {}  # ambiguous record -> the two places it fits
    for left, right in elsewhere:
        for index in neighbours[left] & neighbours[right]:
            places.setdefault(index, (left, right))
    ambiguous = set(places)
    if not ambiguous:
        return matches
    best: dict[int, tuple[float, int, int]] = {}
    for match in matches:  # strongest first: the first seen per record is its best
        for index in match[1:]:
            if index in ambiguous and index not in best:
                best[index] = match
    for index in sorted(ambiguous):
        _, left, right = best[index]
        outcome = compare(profiles[right], profiles[left], rules, result.shared)
        result.possible.append((left, right, MatchResult(outcome.score, "possible",
                                                         outcome.hits, outcome.other_place)))
        fitted = right if left == index else left
        first, second = places[index]
        result.also_fits[(left, right)] = second if fitted == first else first
    result.ambiguous = len(ambiguous)
    return [match for match in matches
            if match[1] not in ambiguous and match[2] not in ambiguous]


#: Up to how many distinct names holding a phone or domain are grouped by likeness (more
#: are surely many companies: a directory's domain, a business centre's switchboard).
GROUPED_NAMES = 20
#: How alike (token set, generic words aside, in percent) two names holding one phone or
#: domain must be to count as one company's spellings.
_SPELLINGS_CUTOFF = 70.0


def spelling_groups(names: set[tuple[str, ...]], rules: MatchingRules) -> int:
    """How many companies the records holding one phone or domain are, as far as their names
    tell before clustering: "Hofmann Gerätebau", "Gerätebau Hofmann" and "Hofmann Gerätebau +
    Service" are one company's spellings (counting names, the key would be a switchboard and
    weigh nothing). The ingestor counts so too, the names of the companies holding the key
    each on its own (see :meth:`Ingestor._holders <leadgen.ingest.ingestor.Ingestor>`)."""
    if len(names) < 2 or len(names) > GROUPED_NAMES:
        return len(names)
    groups: list[tuple[str, ...]] = []
    for name in sorted(names):
        if not any(names_may_match(name, first, _SPELLINGS_CUTOFF, rules.generic_name_words)
                   for first in groups):
            groups.append(name)
    return len(groups)


def _blocks(profiles: Sequence[MatchProfile], rules: MatchingRules) -> _Blocks:
    # Most keys belong to one record: they hold its index, a list only once a second comes.
    by_key: dict[tuple[str, str], int | list[int]] = {}
    for index, profile in enumerate(profiles):
        for key in dict.fromkeys(blocking_keys(profile, rules)):
            held = by_key.setdefault(key, index)
            if held is not index:
                if isinstance(held, int):
                    by_key[key] = [held, index]
                else:
                    held.append(index)
    limits = {rule.key: rule.max_block_size or rules.max_block_size for rule in rules.blocking}
    members: list[list[int]] = []
    kinds: list[str] = []
    skipped = 0
    counts = array("q", bytes(8 * (len(profiles) + 1)))
    holders: dict[tuple[str, str], int] = {}
    for (kind, value), block in by_key.items():
        if isinstance(block, int):
            continue
        if kind in _SHARED_KINDS:
            names = spelling_groups({profiles[m].names[:1] for m in block}, rules)
            if names > 1:
                holders[(kind, value)] = names
        if len(block) > limits.get(kind, rules.max_block_size):
            skipped += 1
            continue
        members.append(block)
        kinds.append(kind)
        for record in block:
            counts[record + 1] += 1
    for record in range(len(profiles)):
        counts[record + 1] += counts[record]
    numbers = array("q", bytes(8 * counts[-1]))
    fill = array("q", counts)
    for number, block in enumerate(members):
        for record in block:
            numbers[fill[record]] = number
            fill[record] += 1
    return _Blocks(members, kinds, counts, numbers, skipped, holders)
