"""The time stage's word lists and rule tables (``wirecoder/data/time/``), loaded once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def data_text(name: str) -> str:
    return (resources.files("wirecoder") / "data" / "time" / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    cardinals: dict[str, int]
    vague: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    holidays: dict[str, str]
    references: dict[str, str]
    set_words: dict[str, str]
    directions: dict[str, str]
    position_modifiers: dict[str, str]
    approximators: tuple[str, ...]
    time_zones: tuple[str, ...]
    decade_words: dict[str, int]
    spelled_year_heads: dict[str, int]
    #: Moments of the day named without a clock ("dawn", "nightfall"): their TIMEX3 part of day.
    day_moments: dict[str, str]

    def number(self, word: str) -> float | None:
        """The value of a spelled or written number (``twenty-two``, ``2 1/2``, ``a couple of``)."""
        text = " ".join(word.lower().replace("-", " ").split())
        if text in self.cardinals:
            return float(self.cardinals[text])
        try:
            return float(text.replace(",", ""))
        except ValueError:
            pass
        parts = text.split()
        if len(parts) == 2 and "/" in parts[1]:  # 2 1/2
            whole, frac = self.number(parts[0]), _fraction(parts[1])
            return whole + frac if whole is not None and frac is not None else None
        if "/" in text:
            return _fraction(text)
        total = 0.0
        for part in parts:  # twenty two, two thousand
            value = self.cardinals.get(part)
            if value is None:
                return None
            total = total * value if value in (100, 1000) and total else total + value
        return total or None

    def spelled_year(self, text: str) -> int | None:
        """A spoken year: "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
        words = text.lower().replace("-", " ").split()
        if words[:2] == ["two", "thousand"]:
            rest = [w for w in words[2:] if w != "and"]
            return 2000 + int(self.number(" ".join(rest)) or 0) if rest else 2000
        head = self.spelled_year_heads.get(words[0]) if words else None
        if head is None:
            return None
        rest = words[1:]
        if rest == ["hundred"]:
            return head * 100
        if rest and rest[0] == "oh":
            rest = rest[1:]
        tail = self.number(" ".join(rest)) if rest else None
        return head * 100 + int(tail) if tail is not None and tail < 100 else None


def _fraction(text: str) -> float | None:
    num, _, den = text.partition("/")
    try:
        return int(num) / int(den)
    except (ValueError, ZeroDivisionError):
        return None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = json.loads(data_text("lexicon.json"))
    return Lexicon(
        months=raw["months"],
        weekdays=raw["weekdays"],
        cardinals=raw["cardinals"],
        vague=tuple(raw["vague_quantities"]),
        ordinals=raw["ordinals"],
        units=raw["units"],
        parts_of_day=raw["parts_of_day"],
        seasons=raw["seasons"],
        holidays=raw["holidays"],
        references=raw["references"],
        set_words=raw["set_words"],
        directions=raw["directions"],
        position_modifiers=raw["position_modifiers"],
        approximators=tuple(raw["approximators"]),
        time_zones=tuple(raw["time_zones"]),
        decade_words=raw["decade_words"],
        spelled_year_heads=raw["spelled_year_heads"],
        day_moments=raw["day_moments"],
    )


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    keys: tuple[str, ...]
    pattern: str


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """The grammar rules in file order (comments and blank lines skipped)."""
    rules: list[Rule] = []
    for lineno, line in enumerate(data_text("rules.tsv").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise ValueError(f"rules.tsv line {lineno}: expected 4 tab-separated fields, got {len(fields)}")
        rid, kind, keys, pattern = fields
        rules.append(Rule(rid, kind, tuple(keys.split()), pattern))
    return tuple(rules)


@lru_cache(maxsize=1)
def load_cues() -> dict[str, frozenset[str]]:
    """Tense and modality cue words (lemmas) used to anchor expressions."""
    raw = json.loads(data_text("cues.json"))
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def day_ordinals() -> dict[str, int]:
    """Spelled days of the month, "first" to "thirty-first" (as said in "March eighth"): the
    lexicon's ordinals up to twenty, then "twenty-" and "thirty-" with the first ones."""
    ordinals = load_lexicon().ordinals
    low = {w: n for w, n in ordinals.items() if 1 <= n <= 9 and "-" not in w}
    out = {w: n for w, n in ordinals.items() if 1 <= n <= 20 and "-" not in w}
    for head, tens in (("twenty", 20), ("thirty", 30)):
        for w, n in low.items():
            if tens + n <= 31:
                out[f"{head}-{w}"] = tens + n
    out["thirtieth"] = 30
    return out
