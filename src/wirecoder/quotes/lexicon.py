"""The quotes stage's data: reporting verbs, quotation marks, pronouns and patterns.

Everything is read once per process from ``wirecoder/data/quotes/`` (see :func:`load_lexicon`);
regular expressions are compiled here, once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy
from spacy.strings import hash_string

CUE_CLASSES = ("speech", "writing", "belief", "perception", "stance", "evidence", "source")
FRAMES = frozenset("coxpafkr")
MARK_ROLES = ("open", "close", "either")


@dataclass(frozen=True)
class CueVerb:
    """A reporting verb; ``particle`` is set for phrasal cues ("call for", "point to")."""

    lemma: str
    cls: str
    frames: frozenset[str]
    forms: frozenset[str]
    particle: str | None = None


@dataclass(frozen=True)
class Mark:
    """A quotation mark: how it behaves and which marks may close a quote it opens."""

    text: str
    role: str
    closers: tuple[str, ...]
    double: bool


@dataclass(frozen=True)
class Hashes:
    """spaCy string hashes of cue lemmas, cue forms and source prepositions, for array lookups."""

    lemmas: numpy.ndarray
    forms: numpy.ndarray
    preps: numpy.ndarray
    nouns: numpy.ndarray


@dataclass(frozen=True)
class PostPattern:
    name: str
    cue: str
    regex: re.Pattern[str]


@dataclass(frozen=True, eq=False)  # identity hash: cached helpers key on the instance
class Lexicon:
    verbs: dict[str, CueVerb]
    phrasal: dict[str, dict[str, CueVerb]]
    marks: dict[str, Mark]
    mark_regex: re.Pattern[str]
    pronouns: frozenset[str]
    posts: tuple[PostPattern, ...]
    colon_speaker: re.Pattern[str]
    dash_speaker: re.Pattern[str]
    not_speakers: frozenset[str]
    document_nouns: frozenset[str]
    study_nouns: frozenset[str]
    agent_preps: frozenset[str]
    relative_pronouns: frozenset[str]
    self_pronouns: frozenset[str]
    min_quote_words: int
    nouns: dict[str, str] = field(default_factory=dict)  # nominal cue lemma -> class ("claim" -> speech)
    questioners: frozenset[str] = frozenset()  # "a reporter asked": Q&A questions, no quotes
    issuing_verbs: frozenset[str] = frozenset()  # "issued a statement saying": the subject is the author
    event_nouns: frozenset[str] = frozenset()  # "opened a rally blasting X": occasions never speak
    physical_stance_verbs: frozenset[str] = frozenset()  # "attacked the town": a stance only at someone

    @property
    def speech_forms(self) -> frozenset[str]:
        """Every form of every speech or writing verb (for the evaluation's cue classes)."""
        return _speech_forms(self)

    def verb(self, lemma: str, lower: str) -> CueVerb | None:
        """The cue verb for a token, looked up by lemma, then by its lowercased form."""
        found = self.verbs.get(lemma)
        if found is not None:
            return found
        return self._by_form().get(lower)

    def _by_form(self) -> dict[str, CueVerb]:
        return _forms_index(self)

    def hashes(self) -> Hashes:
        return _hashes(self)

    def phrasal_for(self, lemma: str, lower: str) -> dict[str, CueVerb]:
        """Phrasal cues of a verb ("call" -> {"for": ..., "on": ...}), by lemma or form."""
        found = self.phrasal.get(lemma)
        if found is None:
            base = self._by_form().get(lower)
            found = self.phrasal.get(base.lemma) if base is not None else None
        return found or {}


class LexiconError(ValueError):
    """A data file of the quotes stage is malformed (a packaging bug, not a user error)."""


def data_dir() -> Path:
    return Path(str(resources.files("wirecoder") / "data" / "quotes"))


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([*line.split("\t"), f"{path.name}:{n}"])
    return rows


def inflections(lemma: str) -> set[str]:
    """Regular English verb forms: say -> says, sayed, saying; note -> notes, noted, noting."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
        if _doubles_final(lemma):
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return forms


def _doubles_final(lemma: str) -> bool:
    # one-syllable consonant-vowel-consonant verbs double the last letter: quip -> quipped
    word = lemma.replace("qu", "q")  # the u of "qu" is no vowel
    return (
        len(word) >= 3
        and word[-1] not in "aeiouwxy"
        and word[-2] in "aeiou"
        and word[-3] not in "aeiou"
        and sum(ch in "aeiou" for ch in word) == 1
    )


def read_verbs(path: Path) -> dict[str, CueVerb]:
    verbs: dict[str, CueVerb] = {}
    for row in _rows(path):
        where = row[-1]
        cols = row[:-1]
        if len(cols) < 3:
            raise LexiconError(f"{where}: expected lemma, class, frames")
        lemma, cls, frames = " ".join(cols[0].split()), cols[1].strip(), cols[2].strip()
        if cls not in CUE_CLASSES:
            raise LexiconError(f"{where}: unknown class {cls!r}")
        if not frames or not set(frames) <= FRAMES:
            raise LexiconError(f"{where}: frames must be letters from {''.join(sorted(FRAMES))}")
        verb_part, _, particle = lemma.partition(" ")
        forms = inflections(verb_part)
        if len(cols) > 3 and cols[3].strip():
            forms.update(f.strip() for f in cols[3].split(",") if f.strip())
        previous = verbs.get(lemma)
        if previous is not None:  # a repeated lemma adds frames and forms
            frames_set = previous.frames | frozenset(frames)
            verbs[lemma] = CueVerb(
                lemma, previous.cls, frames_set, previous.forms | frozenset(forms), previous.particle
            )
        else:
            verbs[lemma] = CueVerb(verb_part, cls, frozenset(frames), frozenset(forms), particle or None)
    return verbs


def split_phrasal(entries: dict[str, CueVerb]) -> tuple[dict[str, CueVerb], dict[str, dict[str, CueVerb]]]:
    """Single-word cues by lemma, and phrasal cues by verb lemma then particle."""
    single: dict[str, CueVerb] = {}
    phrasal: dict[str, dict[str, CueVerb]] = {}
    for verb in entries.values():
        if verb.particle:
            phrasal.setdefault(verb.lemma, {})[verb.particle] = verb
        else:
            single[verb.lemma] = verb
    return single, phrasal


def read_marks(path: Path) -> dict[str, Mark]:
    marks: dict[str, Mark] = {}
    for row in _rows(path):
        where = row[-1]
        cols = row[:-1]
        if len(cols) < 4:
            raise LexiconError(f"{where}: expected mark, role, closers, depth")
        text, role, closers, depth = cols[0], cols[1].strip(), cols[2].strip(), cols[3].strip()
        if role not in MARK_ROLES or depth not in ("double", "single"):
            raise LexiconError(f"{where}: bad role {role!r} or depth {depth!r}")
        if role != "close" and not closers:
            raise LexiconError(f"{where}: an opening mark needs closers")
        # closers are single characters, except the two-character '' (PTB style)
        closer_list = tuple(_split_marks(closers))
        marks[text] = Mark(text, role, closer_list, depth == "double")
    return marks


def _split_marks(spec: str) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(spec):
        if spec.startswith("''", i):
            out.append("''")
            i += 2
        else:
            out.append(spec[i])
            i += 1
    return out


def mark_pattern(marks: dict[str, Mark]) -> re.Pattern[str]:
    # longest marks first, so `` and '' win over ` and '
    ordered = sorted(marks, key=len, reverse=True)
    return re.compile("|".join(re.escape(m) for m in ordered))


def read_nouns(path: Path) -> dict[str, str]:
    nouns: dict[str, str] = {}
    for row in _rows(path):
        where, cols = row[-1], row[:-1]
        if len(cols) < 2 or cols[1].strip() not in CUE_CLASSES:
            raise LexiconError(f"{where}: expected lemma and a class from {', '.join(CUE_CLASSES)}")
        nouns[cols[0].strip().lower()] = cols[1].strip()
    return nouns


def read_words(path: Path) -> frozenset[str]:
    return frozenset(row[0].strip().lower() for row in _rows(path))


def build_lexicon(folder: Path) -> Lexicon:
    verbs, phrasal = split_phrasal(read_verbs(folder / "cue_verbs.tsv"))
    marks = read_marks(folder / "quote_marks.tsv")
    patterns = json.loads((folder / "patterns.json").read_text(encoding="utf-8"))
    try:
        posts = tuple(PostPattern(p["name"], p["cue"], re.compile(p["regex"], re.MULTILINE)) for p in patterns["posts"])
        colon = patterns["colon_speaker"]
        return Lexicon(
            verbs=verbs,
            phrasal=phrasal,
            marks=marks,
            mark_regex=mark_pattern(marks),
            pronouns=read_words(folder / "pronouns.txt"),
            posts=posts,
            colon_speaker=re.compile(colon["regex"]),
            dash_speaker=re.compile(patterns["dash_speaker"]["regex"]),
            not_speakers=frozenset(colon["not_speakers"]),
            document_nouns=frozenset(w.lower() for w in patterns["document_nouns"]),
            study_nouns=frozenset(w.lower() for w in patterns["study_nouns"]),
            agent_preps=frozenset(patterns["agent_preps"]),
            relative_pronouns=frozenset(patterns["relative_pronouns"]),
            self_pronouns=frozenset(patterns["self_pronouns"]),
            min_quote_words=int(patterns["min_quote_words"]),
            nouns=read_nouns(folder / "cue_nouns.tsv"),
            questioners=frozenset(patterns.get("questioners", ())),
            issuing_verbs=frozenset(patterns.get("issuing_verbs", ())),
            event_nouns=frozenset(patterns.get("event_nouns", ())),
            physical_stance_verbs=frozenset(patterns.get("physical_stance_verbs", ())),
        )
    except (KeyError, TypeError, re.error) as exc:
        raise LexiconError(f"patterns.json: {type(exc).__name__}: {exc}") from None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return build_lexicon(data_dir())


@lru_cache(maxsize=4)
def _forms_index(lexicon: Lexicon) -> dict[str, CueVerb]:
    index: dict[str, CueVerb] = {}
    for verb in lexicon.verbs.values():
        for form in verb.forms:
            index.setdefault(form, verb)
    for particles in lexicon.phrasal.values():
        for verb in particles.values():  # so that "called" finds "call for" without a lemma
            for form in verb.forms:
                index.setdefault(form, CueVerb(verb.lemma, verb.cls, frozenset(), verb.forms))
    return index


@lru_cache(maxsize=4)
def _hashes(lexicon: Lexicon) -> Hashes:
    lemmas = set(lexicon.verbs) | set(lexicon.phrasal)
    forms = set(_forms_index(lexicon))

    def array(words: set[str]) -> numpy.ndarray:
        return numpy.array(sorted(hash_string(w) for w in words), dtype=numpy.uint64)

    return Hashes(array(lemmas), array(forms), array({"according", "in"}), array(set(lexicon.nouns)))


@lru_cache(maxsize=4)
def _speech_forms(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(f for v in lexicon.verbs.values() if v.cls in ("speech", "writing") for f in v.forms)
