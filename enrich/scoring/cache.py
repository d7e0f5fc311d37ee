"""The feature cache: a :class:`FeatureSet` as one uncompressed ``.npz`` beside the database.

Loading it takes a second or two for a million leads; it is reused while the data fingerprint
(:func:`enrich.scoring.features.fingerprint`) is unchanged. No pickle: strings are stored as
UTF-8 JSON bytes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

import numpy as np
from sqlalchemy.engine import Engine

from enrich.scoring.features import (
    CATEGORICAL,
    FEATURES_VERSION,
    FLAGS,
    NUMERIC,
    TEXT_FIELDS,
    FeatureSet,
)
from enrich.scoring.text import Vocabulary

log = logging.getLogger(__name__)


def cache_path(engine: Engine) -> Path:
    """Where the feature cache of this database lives (``LEADGEN_SCORING_CACHE`` overrides)."""
    override = os.environ.get("LEADGEN_SCORING_CACHE")
    if override:
        return Path(override)
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(f"{url.database}.scoring-features.npz")
    digest = hashlib.sha1(url.render_as_string(hide_password=True).encode()).hexdigest()[:12]
    return Path("data") / "scoring-cache" / f"{digest}.npz"


def _pack_strings(values: list[str]) -> np.ndarray:
    return np.frombuffer(json.dumps(values, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)


def _unpack_strings(array: np.ndarray) -> list[str]:
    return list(json.loads(array.tobytes().decode("utf-8")))


def save_features(features: FeatureSet, path: Path) -> None:
    """Write the features as one uncompressed ``.npz`` (fast to load, no pickle)."""
    arrays: dict[str, np.ndarray] = {
        "ids": features.ids,
        "vocab": _pack_strings(features.vocab.words),
        "completeness": features.completeness,
        "meta": _pack_strings([features.fingerprint, str(FEATURES_VERSION)]),
    }
    for name, (rows, cols) in features.text.items():
        arrays[f"text.{name}.rows"], arrays[f"text.{name}.cols"] = rows, cols
    for name, (codes, labels) in features.categorical.items():
        arrays[f"cat.{name}.codes"], arrays[f"cat.{name}.values"] = codes, _pack_strings(labels)
    for name, column in features.numeric.items():
        arrays[f"num.{name}"] = column
    for name, flag in features.flags.items():
        arrays[f"flag.{name}"] = flag
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez(tmp, **arrays)  # type: ignore[arg-type]
    os.replace(tmp, path)


def load_cached(path: Path, stamp: str) -> FeatureSet | None:
    """The cached features if the file exists and its fingerprint equals ``stamp``."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = _unpack_strings(data["meta"])
            if meta != [stamp, str(FEATURES_VERSION)]:
                return None
            return FeatureSet(
                ids=data["ids"],
                vocab=Vocabulary(_unpack_strings(data["vocab"])),
                text={name: (data[f"text.{name}.rows"], data[f"text.{name}.cols"])
                      for name in TEXT_FIELDS},
                categorical={name: (data[f"cat.{name}.codes"],
                                    _unpack_strings(data[f"cat.{name}.values"]))
                             for name in CATEGORICAL},
                numeric={name: data[f"num.{name}"] for name in NUMERIC},
                flags={name: data[f"flag.{name}"] for name in FLAGS},
                completeness=data["completeness"],
                fingerprint=stamp,
            )
    except (OSError, KeyError, ValueError) as exc:
        log.warning("ignoring unreadable scoring feature cache %s: %s", path, exc)
        return None
