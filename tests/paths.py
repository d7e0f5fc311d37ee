"""Where the tests and benchmarks find the repository and the shared data beside it."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
#: Saved real web pages with the records a person sees on them (extraction tests).
REAL_PAGES = SHARED / "real-pages"
#: The Restaurant entity-resolution benchmark (Fodor's and Zagat's, with true pairs).
RESTAURANTS = SHARED / "er-benchmark" / "restaurants" / "restaurant.csv"
