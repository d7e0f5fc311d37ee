"""Batch clustering: blocking plus pairwise comparison plus union-find (connected components).

Cost grows with the number of records times the (capped) block sizes, so near linearly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from leadgen.matching.compare import MatchResult, compare
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


@dataclass
class Clustering:
    """Cluster label per record, the evidence that linked each record, and the open pairs."""

    labels: list[int]
    links: dict[int, tuple[int, MatchResult]] = field(default_factory=dict)
    """record index -> (the record it was linked to, the comparison that linked them)."""
    possible: list[tuple[int, int, MatchResult]] = field(default_factory=list)
    comparisons: int = 0
    skipped_blocks: int = 0


def cluster(profiles: Sequence[MatchProfile], rules: MatchingRules) -> Clustering:
    """Cluster record profiles by the rules' blocking keys and match thresholds."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, profile in enumerate(profiles):
        for key in dict.fromkeys(blocking_keys(profile, rules)):
            blocks[key].append(index)
    # How many distinct names hold each phone/domain: a switchboard or a directory page.
    holders: dict[tuple[str, str], int] = {}
    for (kind, value), members in blocks.items():
        if kind in ("phone", "domain") and len(members) > 1:
            holders[(kind, value)] = len({profiles[m].names[:1] for m in members})

    def shared(kind: str, value: str) -> int:
        return holders.get((kind, value), 1)

    union = UnionFind(len(profiles))
    result = Clustering(labels=[])
    seen: set[int] = set()  # pairs as one int: half the memory of tuples
    width = len(profiles) + 1
    limits = {rule.key: rule.max_block_size or rules.max_block_size for rule in rules.blocking}
    for (kind, _), members in blocks.items():
        if len(members) < 2:
            continue
        if len(members) > limits.get(kind, rules.max_block_size):
            result.skipped_blocks += 1
            continue
        for i, left in enumerate(members):
            for right in members[i + 1:]:
                pair = (left, right) if left < right else (right, left)
                code = pair[0] * width + pair[1]
                if code in seen:
                    continue
                seen.add(code)
                outcome = compare(profiles[pair[1]], profiles[pair[0]], rules, shared)
                result.comparisons += 1
                if outcome.decision == "match":
                    if union.union(*pair):
                        result.links[pair[1]] = (pair[0], outcome)
                elif outcome.decision == "possible":
                    result.possible.append((pair[0], pair[1], outcome))
    result.labels = [union.find(index) for index in range(len(profiles))]
    result.possible = [
        (a, b, outcome) for a, b, outcome in result.possible
        if result.labels[a] != result.labels[b]
    ]
    return result
