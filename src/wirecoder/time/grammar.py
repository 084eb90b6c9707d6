"""Find time-expression candidates in text with the rule table (``data/time/rules.tsv``).

Each rule is a regular expression whose ``{MACRO}`` placeholders expand to word lists from
``lexicon.json``.  All rules run over the raw text (so offsets are exact); overlapping
candidates are resolved leftmost-longest, earlier rule first on a tie.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from wirecoder.time.lexicon import Lexicon, Rule, day_ordinals, load_lexicon, load_rules

SPACE = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
HYPHEN_OR_SPACE = r"(?:[ \t]*-[ \t]*|[ \t]+|[ \t]*\n[ \t]*)"


def _phrase(words: str) -> str:
    """A word-list entry as a regex: escaped, with flexible spaces."""
    return SPACE.join(re.escape(part) for part in words.split())


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(_phrase(w) for w in ordered) + ")"


def _capitalised(words: list[str]) -> str:
    """Case-sensitive alternation of Title Case and UPPER CASE forms (names of months, days)."""
    forms: list[str] = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        title = " ".join(p[:1].upper() + p[1:] for p in w.split())
        forms.extend([_phrase(title), _phrase(w.upper())])
    return "(?-i:" + "|".join(dict.fromkeys(forms)) + ")"


def _months(lex: Lexicon, full_only: bool) -> str:
    full = [m for m in lex.months if len(m) > 4 or m in ("may", "june", "july")]
    abbrev = [m for m in lex.months if m not in full]
    if full_only:
        return _capitalised(full)
    forms = [_capitalised(full)]
    # Abbreviations need the dot or a word edge right after them: "Sept. 30", "Jan 5".
    forms.append(_capitalised(abbrev)[:-1] + r")(?:\.|\b)")
    return "(?:" + "|".join(forms) + ")"


def _number_words(lex: Lexicon) -> str:
    tens = [w for w, v in lex.cardinals.items() if v in (20, 30, 40, 50, 60, 70, 80, 90) and " " not in w]
    ones = [w for w, v in lex.cardinals.items() if 1 <= v <= 9 and w not in ("a", "an") and " " not in w]
    compound = _alternation(tens) + r"(?:[- ]" + _alternation(ones) + ")?"
    words = _alternation(list(lex.cardinals))
    digits = r"\d+(?:\.\d+)?(?:[ \t]+\d/\d)?|\d/\d"
    return f"(?:{digits}|{compound}|{words})"


def _spelled_years(lex: Lexicon) -> tuple[str, str]:
    """Spoken years: "nineteen ninety-six" (both macros), "two thousand and one" (the second)."""
    tens = [w for w, v in lex.cardinals.items() if v in (20, 30, 40, 50, 60, 70, 80, 90) and " " not in w]
    ones = [w for w, v in lex.cardinals.items() if 1 <= v <= 9 and w not in ("a", "an") and " " not in w]
    teens = [w for w, v in lex.cardinals.items() if 10 <= v <= 19 and " " not in w]
    ones_re, tens_re, teens_re = _alternation(ones), _alternation(tens), _alternation(teens)
    two_digits = f"(?:{tens_re}(?:[- ]{ones_re})?|{teens_re}|oh[- ]{ones_re}|hundred)"
    centuries = _alternation([w for w in lex.spelled_year_heads if w != "twenty"])
    nineteen = f"(?:{centuries}[ -]{two_digits})"
    thousand = f"(?:two[ -]thousand(?:[ -](?:and[ ])?(?:{_alternation(ones)}|{_alternation(teens)}))?)"
    return nineteen, f"(?:{nineteen}|{thousand})"


@lru_cache(maxsize=1)
def macros() -> dict[str, str]:
    lex = load_lexicon()
    units = list(lex.units)
    plural = [u for u in units if u.endswith("s") or u in ("centuries", "millennia")]
    singular = [u for u in units if u not in plural]
    ordinals = [w for w in lex.ordinals if lex.ordinals[w] > 0]
    hours = [w for w, v in lex.cardinals.items() if 1 <= v <= 12 and " " not in w and w not in ("a", "an")]
    holidays_lower = [h for h in lex.holidays]
    spelled19, spelled = _spelled_years(lex)
    return {
        "SPELLEDYEAR19": spelled19,
        "SPELLEDYEAR": spelled,
        "_": SPACE,
        "-": HYPHEN_OR_SPACE,
        "MONTH": _months(lex, full_only=False),
        "MONTHFULL": _months(lex, full_only=True),
        "WEEKDAY": _capitalised(list(lex.weekdays)),
        "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        "DAYWORD": _alternation(list(day_ordinals())),
        "YEAR": r"(?<![\d$£€.,/])(?:1[6-9]\d\d|20\d\d)(?!\d|,\d|\.\d)",
        "NUM": _number_words(lex),
        "HOURWORD": _alternation(hours),
        "VAGUE": _alternation(lex.vague),
        "ORD": _alternation(ordinals),
        "UNIT": _alternation(singular),
        "UNITS": _alternation(plural),
        "UNITANY": _alternation(units),
        "POD": _alternation(list(lex.parts_of_day)),
        "SEASON": _alternation(list(lex.seasons)),
        "HOLIDAY": _capitalised(holidays_lower),
        "REF": _alternation(list(lex.references)),
        "SETWORD": _alternation(list(lex.set_words)),
        "DIRECTION": _alternation(list(lex.directions)),
        "POSMOD": _alternation(list(lex.position_modifiers)),
        "APPROX": _alternation(lex.approximators),
        "TZ": "(?-i:" + "|".join(lex.time_zones) + ")",
        "DECADEWORD": _alternation(list(lex.decade_words)),
    }


_MACRO_RE = re.compile(r"\{([A-Z0-9_-]+|_|-)\}")


def expand(pattern: str) -> str:
    table = macros()

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in table:
            raise ValueError(f"unknown macro {{{name}}} in time rule")
        return table[name]

    return _MACRO_RE.sub(sub, pattern)


@dataclass(frozen=True)
class CompiledRule:
    index: int
    rule: Rule
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def compiled_rules() -> tuple[CompiledRule, ...]:
    out: list[CompiledRule] = []
    for index, rule in enumerate(load_rules()):
        body = expand(rule.pattern)
        # Word edges: a match never starts or ends inside a word.
        regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
        out.append(CompiledRule(index, rule, regex))
    return tuple(out)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    rule_index: int
    groups: dict[str, str]

    @property
    def length(self) -> int:
        return self.end - self.start


# --------------------------------------------------------------------------- keys
#
# Running ~60 regular expressions over every character of a long article is slow, so each rule
# names key words (or classes of them) that every one of its matches contains.  One cheap pass
# finds the key words; each rule then runs only in windows around its keys.

_KEY_TOKEN = re.compile(r"[A-Za-z]+|\d+")
#: No match extends farther than this from one of its keys.
KEY_REACH = 60


@lru_cache(maxsize=1)
def key_classes() -> dict[str, frozenset[str]]:
    """Class name -> lower-case words (digit classes are decided by shape, see token_classes)."""
    lex = load_lexicon()

    def words(entries) -> frozenset[str]:  # type: ignore[no-untyped-def]
        return frozenset(w for e in entries for w in _KEY_TOKEN.findall(e.lower()))

    def last_words(entries) -> frozenset[str]:  # type: ignore[no-untyped-def]
        return frozenset(_KEY_TOKEN.findall(e.lower())[-1] for e in entries if _KEY_TOKEN.findall(e))

    return {
        "MONTH": words(lex.months),
        "WEEKDAY": words(lex.weekdays) | frozenset(w + "s" for w in lex.weekdays),
        "UNIT": words(lex.units),
        "POD": words(lex.parts_of_day),
        "SEASON": words(lex.seasons),
        "HOLIDAY": frozenset(_KEY_TOKEN.findall(h.lower())[0] for h in lex.holidays),
        "REF": last_words(lex.references),
        "SETWORD": last_words(lex.set_words),
        "DAYREF": frozenset({"today", "yesterday", "tomorrow", "tonight"}),
        "DECADE": words(lex.decade_words),
        "SPELLED": frozenset(lex.spelled_year_heads) | {"thousand"},
        "CLOCK": frozenset({"m", "am", "pm"}),
        "TZ": words(lex.time_zones) | {"hours", "hrs", "local"},
        "QUARTER": frozenset({"quarter", "quarters", "half", "period"}),
    }


@lru_cache(maxsize=1)
def _word_index() -> dict[str, frozenset[int]]:
    """Lower-case word -> indices of the rules keyed on it."""
    classes = key_classes()
    index: dict[str, set[int]] = {}
    for i, rule in enumerate(load_rules()):
        for key in rule.keys:
            if key in ("DIGIT", "YEAR"):
                continue
            for word in classes.get(key, frozenset({key.lower()})):
                index.setdefault(word, set()).add(i)
    return {w: frozenset(ids) for w, ids in index.items()}


@lru_cache(maxsize=1)
def _digit_rules() -> tuple[frozenset[int], frozenset[int]]:
    rules = load_rules()
    return (
        frozenset(i for i, r in enumerate(rules) if "DIGIT" in r.keys),
        frozenset(i for i, r in enumerate(rules) if "YEAR" in r.keys),
    )


def _is_year(token: str) -> bool:
    return len(token) == 4 and (token.startswith("20") or "1600" <= token <= "1999")


def key_positions(text: str) -> dict[int, list[int]]:
    """Rule index -> offsets of its keys in ``text`` (one pass over the words)."""
    index = _word_index()
    digit_rules, year_rules = _digit_rules()
    positions: dict[int, list[int]] = {}
    for m in _KEY_TOKEN.finditer(text):
        token = m.group()
        if token[0].isdigit():
            rules = digit_rules | year_rules if _is_year(token) else digit_rules
        else:
            rules = index.get(token.lower(), frozenset())
        for i in rules:
            positions.setdefault(i, []).append(m.start())
    return positions


def _windows(text: str, offsets: list[int]) -> list[tuple[int, int]]:
    """Merged [start, end) stretches around the offsets; ends never cut a word."""
    out: list[tuple[int, int]] = []
    for p in offsets:
        start, end = max(0, p - KEY_REACH), min(len(text), p + KEY_REACH)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    snapped = []
    for start, end in out:
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
        snapped.append((start, end))
    return snapped


def raw_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    rules = compiled_rules()
    for i, offsets in sorted(key_positions(text).items()):
        cr = rules[i]
        for start, end in _windows(text, offsets):
            for m in cr.regex.finditer(text, start, end):
                if m.end() > m.start():
                    groups = {k: v for k, v in m.groupdict().items() if v is not None}
                    found.append(Candidate(m.start(), m.end(), cr.rule, cr.index, groups))
    return found


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: leftmost first, then longest, then earlier rule."""
    chosen: list[Candidate] = []
    last_end = -1
    for cand in sorted(candidates, key=lambda c: (c.start, -c.length, c.rule_index)):
        if cand.start >= last_end:
            chosen.append(cand)
            last_end = cand.end
    return chosen
