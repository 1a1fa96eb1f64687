"""CLAUDETTE model variants compared by honest company-grouped CV on the train companies (issue 13, round 3).

Each variant is scored on the sorted round-robin partition of the 30 train companies and on ``--repeats``
seeded shuffles of it (5 folds each); in every fold each type's threshold is chosen on the out-of-fold scores
of the other folds (``training.claudette_scoring.honest_fold_scores``). Printed per variant: the pooled span-overlap
macro-F1 per partition, their mean and spread, and the mean difference from the shipped configuration over
the same partitions. The validation companies are never read here.

Variants (the feature functions below are experiments kept for reproducibility, not product code):

* ``shipped``: word 1-2 grams + character 3-5-grams in words (30k), linear SVM C 0.5;
* ``C0.35``: the same at C 0.35;
* ``chars2-5``: characters 2-5 (60k) instead of 3-5;
* ``modality``: party/modality features added to the word block: the subject of each modal or "agree"
  (provider: we/us/our/the company/a capitalised name; user: you/user/member; other), the modal class
  (may/shall/reserve/agree/be + not), and the first content word after it ("@P_may_terminate",
  "@U_agree"), plus "@right" when the ledger's ``RIGHT_WORDS`` match;
* ``modality-cross``: those features in a third block, crossed with every word of the sentence;
* ``provider-name``: the provider's name (the most frequent capitalised name before a modal in the
  document, counted 3+ times) replaced by one token in both blocks, C 0.35;
* ``lr``: logistic regression C 10 instead of the SVM;
* ``svm+lr``: the average of the z-scored SVM and LR scores;
* ``lexglue-rows``: LexGLUE's train sentences of the training folds' companies added as extra rows.

    python bench/claudette_variants.py [--data ../shared/data/claudette] [--repeats 4] [--only NAME,...]

Needs scikit-learn (``[eval]`` extra). About 10 s a variant and partition on an idle core.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from leverage_lens.checks.claudette import char_features, features, heading_like
from leverage_lens.ledger.reading import RIGHT_WORDS
from leverage_lens.training.claudette import CODES, TaggedDoc, company_folds, load_claudette, units_of
from leverage_lens.training.claudette_scoring import honest_fold_scores

Feats = Callable[[str, str], list[str]]  # (sentence, company) -> features

# ---------------------------------------------------------------------------- party / modality features ----
_TOK = re.compile(r"[A-Za-z0-9]+(?:'[a-z]+)?")
_MODAL = {"may": "may", "can": "may", "might": "may", "could": "may", "will": "shall", "shall": "shall",
          "must": "shall", "would": "shall", "reserve": "reserve", "reserves": "reserve", "agree": "agree",
          "agrees": "agree", "acknowledge": "agree", "acknowledges": "agree", "accept": "agree", "is": "be",
          "are": "be"}
_PROVIDER = {"we", "us", "our", "ours", "company"}
_USER = {"you", "your", "user", "users", "member", "members", "customer", "customers", "player", "players"}
_SKIP = {"not", "also", "at", "its", "our", "sole", "discretion", "in", "any", "time", "the", "right", "to", "be",
         "have", "without", "notice", "immediately", "further", "hereby", "therefore", "expressly", "and", "or",
         "absolute"}
_NOT_A_NAME = {"You", "Your", "The", "If", "In", "This", "These", "Any", "All", "Such", "Each", "No", "Neither", "It",
               "They", "He", "She", "A", "An", "Some", "Other", "Users", "User", "When", "Where", "Unless", "Please",
               "Nothing", "Notwithstanding", "Except", "Subject", "Terms", "Service", "Services"}


def _side(tok: str) -> str:
    low = tok.lower()
    if low in _PROVIDER:
        return "P"
    if low in _USER:
        return "U"
    return "P" if tok[:1].isupper() and tok not in _NOT_A_NAME else "O"


def modality_features(sentence: str, cross: bool = False) -> list[str]:
    toks = _TOK.findall(sentence)
    low = [t.lower() for t in toks]
    out: list[str] = []
    combos: set[str] = set()
    for i, t in enumerate(low):
        m = _MODAL.get(t)
        if m is None or (m == "be" and not (i + 1 < len(low) and low[i + 1] in (
                "entitled", "permitted", "free", "not", "responsible", "liable"))):
            continue
        j = i - 1
        while j >= 0 and low[j] in ("also", "hereby", "therefore", "expressly", "further", "and", "or", "solely"):
            j -= 1
        side = _side(toks[j]) if j >= 0 else "O"
        if j >= 0 and low[j] in ("event", "circumstances", "nor") and i + 1 < len(low):
            side = _side(toks[i + 1])  # "in no event shall X be liable"
        key = f"@{side}_{m}" + ("n" if i + 1 < len(low) and low[i + 1] in ("not", "never") else "")
        combos.add(key)
        k = i + 1
        while k < len(low) and low[k] in _SKIP:
            k += 1
        if k < len(low):
            out.append(f"{key}_{low[k]}")
    if RIGHT_WORDS.search(sentence):
        combos.add("@right")
    out += sorted(combos)
    if cross:
        words = set(low)
        out += [f"{c}|{w}" for c in combos if c[1] in "PU" for w in words]
    return out


_NAME_BEFORE_VERB = re.compile(
    r"\b([A-Z0-9][\w&'.-]*(?:,? [A-Z][\w&'-]*){0,2})(?:,? (?:Inc|LLC|Ltd|Oy|AB|B\.V|GmbH)\.?)?\s+(?:may|will|shall|"
    r"reserves?|is|are|does|has|can|cannot|retains?|might|disclaims?|assumes?|makes?|provides?)\b")
_NAME_STOP = {"you", "your", "the", "this", "these", "we", "it", "they", "terms", "service", "services", "if", "any",
              "such", "all", "each", "no", "neither", "user", "users", "nothing", "there", "that", "which", "he", "she",
              "our", "content", "agreement", "section", "account", "in", "and", "or", "i", "a", "an", "policy", "site",
              "website", "software", "app", "application", "applications", "platform", "platforms", "information",
              "notwithstanding", "use", "license", "subscriber", "subscribers", "licensee", "member", "members",
              "customer", "customers", "host", "hosts", "partner", "supplier", "suppliers", "statement", "resources",
              "products", "product", "eula", "tos", "dispute", "meals", "items", "trial", "brand", "apple", "provider",
              "privacy", "free", "virtual", "trading", "restaurant", "program", "guest", "guests", "player",
              "players", "seller", "buyer", "developer", "developers", "co-host", "inc"}


def provider_names(text: str) -> list[str]:
    counts: Counter[str] = Counter()
    for m in _NAME_BEFORE_VERB.finditer(text):
        words = [w for w in re.split(r"[ ,]+", m.group(1)) if w]
        if words and not any(w.lower().strip(".") in _NAME_STOP for w in words):
            counts[" ".join(words).lower()] += 1
    return [n for n, k in counts.most_common(2) if k >= 3]


# ----------------------------------------------------------------------------------------------- harness ----
def _identity(x: list[str]) -> list[str]:
    return x


def oof(docs: Sequence[TaggedDoc], folds: Sequence[set[str]], blocks: Sequence[tuple[Feats, int, int | None]], *,
        model: str = "svm", c: float = 0.5, extra_rows: Sequence[tuple[str, str, set[str]]] = ()) -> dict[str, list[float]]:
    """Out-of-fold scores per type. ``blocks``: (feature function, min_df, max_features), each a TF-IDF block."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    xs, ys, groups = units_of(docs)
    heading = [heading_like(t, 6) for t in xs]
    feats = [[fn(x, g) for x, g in zip(xs, groups)] for fn, _, _ in blocks]
    extra_feats = [[fn(x, g) for g, x, _ in extra_rows] for fn, _, _ in blocks]
    scores = {code: [0.0] * len(xs) for code in CODES}
    for fold in folds:
        tr = [i for i, g in enumerate(groups) if g not in fold]
        te = [i for i, g in enumerate(groups) if g in fold]
        ex = [k for k, (g, _, _) in enumerate(extra_rows) if g not in fold]
        mats_tr, mats_te = [], []
        for (_, min_df, max_features), f, ef in zip(blocks, feats, extra_feats):
            vec = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=min_df, max_features=max_features)
            mats_tr.append(vec.fit_transform([f[i] for i in tr] + [ef[k] for k in ex]))
            mats_te.append(vec.transform([f[i] for i in te]))
        x_tr, x_te = hstack(mats_tr).tocsr(), hstack(mats_te).tocsr()
        labels = [ys[i] for i in tr] + [extra_rows[k][2] for k in ex]
        for code in CODES:
            y = [1 if code in labs else 0 for labs in labels]
            clf: Any = (LinearSVC(C=c, max_iter=10000) if model == "svm" else
                        LogisticRegression(C=c, max_iter=2000))
            for i, sc in zip(te, clf.fit(x_tr, y).decision_function(x_te)):
                scores[code][i] = -1e9 if heading[i] else float(sc)
    return scores


def _zmean(*runs: dict[str, list[float]]) -> dict[str, list[float]]:
    out = {}
    for code in CODES:
        cols = []
        for r in runs:
            vals = [v for v in r[code] if v > -1e8]
            mu, sd = statistics.mean(vals), statistics.pstdev(vals) or 1.0
            cols.append([(v - mu) / sd if v > -1e8 else -1e9 for v in r[code]])
        out[code] = [sum(col) / len(col) if col[0] > -1e8 else -1e9 for col in zip(*cols)]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/claudette"))
    ap.add_argument("--repeats", type=int, default=4)
    ap.add_argument("--only", default="", help="comma-separated variant names")
    args = ap.parse_args(argv)
    docs = [d for d in load_claudette(args.data) if d.split == "train"]
    names = {d.company: provider_names(d.text) for d in docs}

    def renamed(x: str, company: str) -> str:
        for n in names[company]:
            x = re.sub(r"\b" + r"[ ,]+".join(map(re.escape, n.split())) + r"(?:'s)?\b", "xprov", x, flags=re.IGNORECASE)
        return x

    def words(x: str, g: str) -> list[str]:
        return features(x)

    def chars(x: str, g: str) -> list[str]:
        return char_features(x, 3, 5)

    rows = [json.loads(line) for line in (args.data / "sentences.jsonl").open(encoding="utf-8")]
    lexglue = [(r["company"], r["sentence"], set(r["labels"])) for r in rows if r["split"] == "train"]
    w, ch = (words, 2, None), (chars, 3, 30000)
    variants: dict[str, Callable[[list[set[str]]], dict[str, list[float]]]] = {
        "shipped": lambda f: oof(docs, f, [w, ch]),
        "C0.35": lambda f: oof(docs, f, [w, ch], c=0.35),
        "chars2-5": lambda f: oof(docs, f, [w, (lambda x, g: char_features(x, 2, 5), 3, 60000)]),
        "modality": lambda f: oof(docs, f, [(lambda x, g: features(x) + modality_features(x), 2, None), ch]),
        "modality-cross": lambda f: oof(docs, f, [w, ch, (lambda x, g: modality_features(x, cross=True), 2, None)]),
        "provider-name": lambda f: oof(docs, f, [(lambda x, g: features(renamed(x, g)), 2, None),
                                                 (lambda x, g: char_features(renamed(x, g), 3, 5), 3, 30000)], c=0.35),
        "lr": lambda f: oof(docs, f, [w, ch], model="lr", c=10.0),
        "svm+lr": lambda f: _zmean(oof(docs, f, [w, ch]), oof(docs, f, [w, ch], model="lr", c=10.0)),
        "lexglue-rows": lambda f: oof(docs, f, [w, ch], extra_rows=lexglue),
    }
    chosen = [v for v in args.only.split(",") if v] or list(variants)
    if "shipped" not in chosen:
        chosen.insert(0, "shipped")
    partitions = [company_folds([d.company for d in docs])] + [
        company_folds([d.company for d in docs], seed=s) for s in range(1, args.repeats + 1)]
    pooled: dict[str, list[float]] = {}
    for name in chosen:
        pooled[name] = [honest_fold_scores(docs, variants[name](folds), folds)[1] for folds in partitions]
        vals = pooled[name]
        diff = statistics.mean(a - b for a, b in zip(vals, pooled["shipped"]))
        sd = statistics.stdev(vals) if len(vals) > 1 else 0.0
        print(f"{name:15s} pooled macro-F1 per partition {' '.join(f'{v:.3f}' for v in vals)}  "
              f"mean {statistics.mean(vals):.3f} +- {sd:.3f}  vs shipped {diff:+.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
