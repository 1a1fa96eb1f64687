"""Who a sentence favours, read by a model trained on hand-labelled spans: the ledger's second reader.

The wording reader (:mod:`.reading`) finds the holder from the subject of the modal, "by X", "either party"
and the like. It is precise where its patterns apply and silent or wrong where the drafting is unusual
("the Option shall be exercisable by notice from Buyer", a right buried in a proviso). This model reads the
same sentence as a bag of words in which every mention of the two principal parties is replaced by ``PTYA``
and ``PTYB``, and answers: does the term favour A, favour B, or apply to both? Words near each party token
("PTYA shall", "to PTYB", "PTYB may") carry most of the signal.

It is used two ways (see :func:`~leverage_lens.ledger.build.build_ledger`): as a check on the wording reader
(a one-sided reading the model confidently places on the other side is kept in the ledger but not raised),
and to read sentences the sentence-topic model places on a topic where no cue or clause tag gave a reading.

The model is symmetric by construction: it was trained on each span and on its mirror (A and B swapped, the
label swapped), and :meth:`HolderModel.probabilities` averages the two readings, so the order of the pair
never changes the answer. Weights live in ``models/ledger_holder/`` (trained by
:mod:`leverage_lens.training.holder` from ``bench/labels/one_sided_*.jsonl``), loaded once, on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .._paths import models_dir

__all__ = ["HolderModel", "features", "load_holder_model", "masked_tokens", "model_path", "swap"]

PARTY_A, PARTY_B, PARTY_OTHER = "PTYA", "PTYB", "PTYO"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|[0-9]+|[();:,]")
#: Words that say a term is shared or runs both ways; their presence is a feature of its own.
_BOTH_WAYS = ("either", "each", "both", "neither", "mutual", "other")
#: Words whose subject holds or bears the term ("PTYA shall", "PTYB may not", "PTYA hereby grants").
_MODALS = frozenset({"shall", "may", "will", "must", "agrees", "agree", "hereby", "grants", "grant", "can", "might",
                     "should"})
#: Prepositions whose object receives or gives it ("to PTYB", "by PTYA", "against PTYB").
_PREPOSITIONS = frozenset({"to", "by", "for", "from", "of", "with", "against", "on"})
_PARTIES = (PARTY_A, PARTY_B, PARTY_OTHER)
_LIGHT = frozenset({"not", "be", "have", "also", "only"})
#: Tokens read per sentence: the operative words come first; a list of duties running on for a page adds cost,
#: not signal.
MAX_TOKENS = 160


def model_path() -> Path:
    """Where the packaged model is (``models/ledger_holder/`` in a checkout, ``leverage_lens.models`` installed)."""
    return models_dir() / "ledger_holder" / "holder.npz"


def masked_tokens(pieces: Iterable[tuple[str, Sequence[tuple[int, int, str]]]], pair: tuple[str, str]) -> list[str]:
    """Lower-cased word tokens of the sentence(s), each party mention replaced by ``PTYA`` (``pair[0]``),
    ``PTYB`` (``pair[1]``) or ``PTYO`` (any other party). ``pieces`` are (text, mentions) with mention offsets
    relative to the text."""
    toks: list[str] = []
    for text, mentions in pieces:
        pos = 0
        for m0, m1, pid in sorted(mentions):
            if m0 < pos:
                continue
            toks.extend(_WORD.findall(text[pos:m0].lower()))
            toks.append(PARTY_A if pid == pair[0] else PARTY_B if pid == pair[1] else PARTY_OTHER)
            pos = m1
        toks.extend(_WORD.findall(text[pos:].lower()))
    return toks


def swap(tokens: Sequence[str]) -> list[str]:
    """The mirror of a token list: A and B exchanged."""
    return [PARTY_B if t == PARTY_A else PARTY_A if t == PARTY_B else t for t in tokens]


def features(tokens: Sequence[str], category: str) -> list[str]:
    """Word n-grams (1-3), words within four places of each party token by offset, the two words after and
    before each party token within the category and its family, which party is named first, the category,
    the both-ways words present, the party before each modal (its subject, with "not" and the verb after it)
    and the party after each preposition."""
    return shared_features(tokens) + category_features(tokens, category)


def shared_features(tokens: Sequence[str]) -> list[str]:
    """The features that do not depend on the category (most of them): computed once per sentence."""
    out: list[str] = []
    n = len(tokens)
    for i in range(n):
        out.append(tokens[i])
        if i + 1 < n:
            out.append(f"{tokens[i]} {tokens[i + 1]}")
        if i + 2 < n:
            out.append(f"{tokens[i]} {tokens[i + 1]} {tokens[i + 2]}")
    for i, t in enumerate(tokens):
        if t in (PARTY_A, PARTY_B):
            for j in range(max(0, i - 4), min(n, i + 5)):
                if j != i:
                    out.append(f"{t}@{j - i}:{tokens[j]}")
    out.append(f"first={_first(tokens)}")
    present = set(tokens)
    out.extend(f"has={w}" for w in _BOTH_WAYS if w in present)
    for i, t in enumerate(tokens):
        if t in _MODALS:
            neg, subj = _negated(tokens, i), _subject(tokens, i)
            verb = next((w for w in tokens[i + 1:i + 4] if w not in _LIGHT), "")
            out.append(f"subj:{t}{neg}={subj}")
            out.append(f"subjverb:{subj}:{t}{neg}:{verb}")
        elif t in _PREPOSITIONS and i + 1 < n:
            obj = _object(tokens, i)
            if obj is not None:
                out.append(f"{t}={obj}")
    return out


def category_features(tokens: Sequence[str], category: str) -> list[str]:
    """The features that pair a word pattern with the category or its family."""
    fam = category.split(".", 1)[0]
    n = len(tokens)
    out = [f"{fam}|first={_first(tokens)}", f"cat={category}"]
    for i, t in enumerate(tokens):
        if t in (PARTY_A, PARTY_B):
            after, before = " ".join(tokens[i + 1:i + 3]), " ".join(tokens[max(0, i - 2):i])
            out += [f"{fam}|{t}|{after}", f"{fam}|{before}|{t}", f"{category}|{t}|{after}", f"{category}|{before}|{t}"]
        elif t in _MODALS:
            out.append(f"{category}|subj:{t}{_negated(tokens, i)}={_subject(tokens, i)}")
        elif t in _PREPOSITIONS and i + 1 < n:
            obj = _object(tokens, i)
            if obj is not None:
                out.append(f"{category}|{t}={obj}")
    return out


def _first(tokens: Sequence[str]) -> str:
    return next((t for t in tokens if t in (PARTY_A, PARTY_B)), "NONE")


def _negated(tokens: Sequence[str], i: int) -> str:
    return "-not" if "not" in tokens[i + 1:i + 3] else ""


def _subject(tokens: Sequence[str], i: int) -> str:
    return next((tokens[j] for j in range(i - 1, max(-1, i - 7), -1) if tokens[j] in _PARTIES), "NONE")


def _object(tokens: Sequence[str], i: int) -> str | None:
    return next((tokens[j] for j in range(i + 1, min(len(tokens), i + 3)) if tokens[j] in (PARTY_A, PARTY_B)), None)


@dataclass(frozen=True)
class HolderModel:
    """A multinomial logistic regression over binary, L2-normalised features: classes favour A, favour B,
    mutual."""

    vocabulary: tuple[str, ...]
    weights: Any  # (3, V) float32
    bias: Any  # (3,) float32
    index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.index:
            self.index.update({f: i for i, f in enumerate(self.vocabulary)})

    def _indices(self, feats: Sequence[str]) -> set[int]:
        index = self.index
        return {index[f] for f in feats if f in index}

    def _softmax(self, idx: set[int] | frozenset[int]) -> Any:
        z = self.bias.astype(np.float64).copy()
        if idx:
            z += self.weights[:, sorted(idx)].sum(axis=1) / np.sqrt(len(idx))
        z -= z.max()
        e = np.exp(z)
        return e / e.sum()

    def probabilities(self, tokens: Sequence[str], category: str) -> tuple[float, float, float]:
        """(favours A, favours B, mutual) for masked tokens. One pass: the weights were fitted on every example
        and its mirror, so swapping the pair swaps the answer up to rounding (tested)."""
        return self.read(tokens, [category])[0]

    def shared(self, tokens: Sequence[str]) -> frozenset[int]:
        """The indices of a sentence's category-free features (see :meth:`read`): worth keeping when the
        sentence is read again on another category."""
        return frozenset(self._indices(shared_features(tokens[:MAX_TOKENS])))

    def read(self, tokens: Sequence[str], categories: Sequence[str],
             shared: frozenset[int] | None = None) -> list[tuple[float, float, float]]:
        """:meth:`probabilities` for one sentence on several categories, its shared features looked up once
        (or given, from :meth:`shared`)."""
        toks = tokens[:MAX_TOKENS]
        base = shared if shared is not None else self.shared(toks)
        out = []
        for cat in categories:
            p = self._softmax(base | self._indices(category_features(toks, cat)))
            out.append((float(p[0]), float(p[1]), float(p[2])))
        return out

def save_holder_model(path: Path, vocabulary: Sequence[str], weights: Any, bias: Any) -> None:
    """Write the model as one ``.npz`` (no pickles: the vocabulary is a unicode array)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, vocabulary=np.array(list(vocabulary), dtype=str),
                        weights=np.asarray(weights, dtype=np.float32), bias=np.asarray(bias, dtype=np.float32))


@functools.lru_cache(maxsize=1)
def load_holder_model(path: Path | None = None) -> HolderModel | None:
    """The packaged model, or None when it is not installed (the ledger then uses the wording reader alone)."""
    where = path or model_path()
    if not where.is_file():
        return None
    with np.load(where, allow_pickle=False) as z:
        return HolderModel(vocabulary=tuple(str(x) for x in z["vocabulary"]), weights=z["weights"],
                           bias=z["bias"])
