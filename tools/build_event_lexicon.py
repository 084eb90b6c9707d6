"""Generate src/wirecoder/data/events/petrarch_triggers.tsv from the PETRARCH2 verb dictionary.

Sources (both read from ../shared/datasets/events/, never copied into the repo):

* ``petrarch2/CAMEO.2.0.txt``: the PETRARCH2 CAMEO verb dictionary (MIT licence, Open Event
  Data Alliance / Parus Analytics). Its format is described in ``dictionaries_format.rst``:
  synsets (``&NAME`` + ``+WORD`` lines), verb blocks (``--- NAME [code] ---``, the verbs, then
  patterns ``- [pre-verb] * [post-verb] [code]``).
* ``codebook/CAMEO2PLOVER-2021.txt``: the CAMEO -> PLOVER conversion table of the PLOVER
  manual (CC BY-SA 4.0): ``code: TYPE, mode, context``.

What is generated, per verb lemma (one row per pattern, in the order the conditions are tried):

* verb + object   ``- * SANCTIONS [163]``        -> ``obj=sanction|sanctions``
* verb + particle ``+CALL_OFF [160]``            -> ``prt=off``
* verb + prep. phrase ``- * (TO BORDER) [154]``  -> ``pp=to:border``
* the verb alone, with the code of the verb or of its block.

A pattern is given to the verb its comment names (``- * SANCTIONS [163]  # ANNOUNCE`` belongs to
"announce", not to "describe" in the same block); one naming no verb of its block to them all.
Patterns with words before the verb (``- MARKET *``), with actor slots only or with codes that
PLOVER does not code (CAMEO 01, 02: statements and appeals) are skipped or kept as blockers: a
row with no type and weight 0, so that "close the market" or "end the meeting" do not fall back
to the verb alone.  The verb alone is weighted lower than a pattern, and verbs whose isolated
code is null get no row of their own.

Usage:  python tools/build_event_lexicon.py [--shared DIR] [--out FILE] [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared" / "datasets" / "events"
DEFAULT_OUT = ROOT / "src" / "wirecoder" / "data" / "events" / "petrarch_triggers.tsv"
VOCAB = ROOT / "src" / "wirecoder" / "data" / "events" / "vocab.json"

PARTICLES = frozenset(
    {"up", "off", "out", "down", "away", "back", "in", "on", "over", "through", "around", "aside", "into"}
)
#: The verb alone is less sure than a verb with its object pattern.
PATTERN_WEIGHT = 0.6
VERB_WEIGHT = 0.5
#: Root codes whose blocks gather loose WordNet synonyms ("affect", "add", "aim" under express
#: intent / cooperate / yield / consult): the verb alone says too little to be coded, and a
#: pattern coded only at that root ("found a link" [030]) no more.
VAGUE_ROOTS = frozenset({"010", "020", "030", "040", "050", "060", "080"})
HEADER = """\
# GENERATED FILE: do not edit; run `python tools/build_event_lexicon.py` to rebuild it.
#
# PLOVER trigger patterns derived from the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt,
# https://github.com/openeventdata/petrarch2, MIT licence, (c) Open Event Data Alliance and
# Parus Analytics) through the CAMEO -> PLOVER conversion table of the PLOVER manual
# (CAMEO2PLOVER-2021.txt, (c) 2021 Open Event Data Alliance, CC BY-SA 4.0).  Only lemmas,
# pattern heads and codes are taken; the file is distributed under CC BY-SA 4.0.
#
# Columns as in triggers.tsv, plus `cameo`, the CAMEO code of the pattern.  Conditions: obj=
# (object head), prt= (particle), pp=prep:noun (a prepositional phrase on the verb).  A row
# with type "-" and weight 0 blocks the verb alone for that pattern (PETRARCH's null code or a
# CAMEO code PLOVER does not code).  Hand entries of triggers.tsv win: a lemma listed there is
# not read from this file.
"""
COLUMNS = ("lemma", "pos", "when", "type", "mode", "contexts", "weight", "flags", "cameo")


@dataclass(frozen=True)
class Plover:
    type: str
    mode: str
    contexts: tuple[str, ...]


def read_plover_map(path: Path, modes: dict[str, set[str]], contexts: set[str]) -> dict[str, Plover]:
    """CAMEO code -> PLOVER (type, mode, contexts), with modes/contexts PLOVER's vocabulary knows."""
    table: dict[str, Plover] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        etype = parts[0].upper()
        if etype not in modes:
            continue
        mode = parts[1] if len(parts) > 1 and parts[1] in modes[etype] else ""
        ctx_text = ",".join(parts[2:]) if len(parts) > 2 else ""
        ctx = tuple(c.strip() for c in re.split(r"[;,]", ctx_text) if c.strip() in contexts)
        table.setdefault(m.group(1), Plover(etype, mode, ctx))
    return table


def plover_of(code: str, table: dict[str, Plover]) -> Plover | None:
    """The most specific row of the table for a CAMEO code (``1721`` -> ``172`` -> ``17``)."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def clean_code(text: str) -> str | None:
    """``[042:043]`` -> ``042``, ``[:190]`` -> ``190``, ``[---]`` -> None."""
    parts = [p for p in text.strip("[] ").split(":") if p]
    code = parts[0] if parts else "---"
    return code if code.isdigit() else None


def word_forms(word: str) -> list[str]:
    """Lower-case surface form and a regular singular ("sanctions" -> "sanction")."""
    w = word.lower().replace("_", " ").split()[-1]
    forms = [w]
    if w.endswith("ies") and len(w) > 4:
        forms.append(w[:-3] + "y")
    elif w.endswith("sses"):
        forms.append(w[:-2])
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        forms.append(w[:-1])
    return forms


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if line.startswith("&"):
            current = line.strip().rstrip("_")
            synsets[current] = []
        elif line.startswith("+") and current is not None:
            synsets[current].append(line[1:].strip())
        elif line.startswith("---"):
            break
        elif line.strip():
            current = None
    return synsets


def heads_of(element: str, synsets: dict[str, list[str]]) -> list[str]:
    """Head words of a pattern noun: ``AID``, ``{ARMS SHIPMENT}``, ``&FOOD``, ``{&MILITARY AID}``."""
    words = element.strip("{}").split()
    if not words:
        return []
    head = words[-1]
    if head.startswith("&"):
        out: list[str] = []
        for member in synsets.get(head.rstrip("_"), []):
            out.extend(word_forms(member))
        return out
    if not re.fullmatch(r"[A-Z][A-Z\-']*", head):
        return []
    return word_forms(head)


def tokenize(post: str) -> list[str]:
    """Split a post-verb pattern into elements: words, {phrases} and (PREP noun) groups."""
    return re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", post)


def pattern_conditions(post: str, synsets: dict[str, list[str]]) -> str | None:
    """Conditions for a post-verb pattern, or None when it cannot be expressed."""
    conds: list[str] = []
    for el in tokenize(post):
        if el in ("$", "+", "%", "^"):
            continue  # actor slots and skips
        if el.startswith("("):
            inner = el.strip("()").split(None, 1)
            prep = inner[0].lower()
            if not prep.isalpha():
                return None
            if len(inner) == 1:
                # "(TO)" stands for "to + an actor" in PETRARCH; a bare preposition condition
                # would fire on any "to" ("could not come to an agreement"): not expressible
                return None
            heads = heads_of(inner[1].strip(), synsets)
            if not heads:
                return None
            conds.append("pp=" + "|".join(f"{prep}:{h}" for h in dict.fromkeys(heads)))
            continue
        if any(c.startswith("obj=") for c in conds) or any(c.startswith("pp=") for c in conds):
            return None  # a second noun: more than the coder's conditions say
        if el.lower() in PARTICLES and not el.startswith("{"):
            conds.append(f"prt={el.lower()}")
            continue
        heads = heads_of(el, synsets)
        if not heads:
            return None
        conds.append("obj=" + "|".join(dict.fromkeys(heads)))
    return " ".join(conds) if conds else None


def verb_lemma(entry: str) -> tuple[str, str | None] | None:
    """``ABORT`` -> (abort, None); ``+CALL_OFF`` -> (call, "prt=off"); ``+TAKE_LEAVE`` ->
    (take, "obj=leave"); pre-compounded verbs (``WIRE_+TAP``) are skipped."""
    word = entry.split("{", 1)[0].split("[", 1)[0].strip()
    if not word:
        return None
    if "_" not in word:
        return (word.lower(), None) if word.isalpha() else None
    if not word.startswith("+"):
        return None
    parts = word[1:].split("_")
    if len(parts) != 2 or not all(p.isalpha() for p in parts):
        return None
    rest = parts[1].lower()
    return parts[0].lower(), (f"prt={rest}" if rest in PARTICLES else f"obj={rest}")


def own_code(entry: str) -> str | bool | None:
    """The verb line's own code; False when it has none."""
    m = re.search(r"\[([^\]]*)\]", entry.split("#", 1)[0])
    return clean_code(m.group(0)) if m else False


@dataclass
class Block:
    """One verb block: its code, its verbs (lemma, particle/object condition, own code), its patterns."""

    code: str | None
    verbs: list[tuple[str, str | None, str | None]]
    patterns: list[tuple[str, str | None, tuple[str, str | None] | None]]

    def applies(self, owner: tuple[str, str | None] | None, lemma: str, extra: str | None) -> bool:
        """A pattern is written for the verb its comment names ("- * SANCTIONS [163] # ANNOUNCE"):
        it is that verb's, not its block-mates' ("describe", "mention" sit in the same block and
        describing sanctions imposes none).  A pattern naming no verb of the block is everyone's."""
        if owner is None or owner not in {(v, e) for v, e, _ in self.verbs}:
            return True
        return owner == (lemma, extra)


def read_blocks(lines: list[str], synsets: dict[str, list[str]]) -> list[Block]:
    blocks: list[Block] = []
    for raw in lines:
        if raw.startswith("---"):
            m = re.search(r"\[([^\]]*)\]", raw)
            blocks.append(Block(clean_code(m.group(0)) if m else None, [], []))
            continue
        line = raw.split("#", 1)[0].strip()
        if not blocks or not line or line.startswith(("~", "&")):
            continue
        if line.startswith("-"):
            m = re.match(r"^-\s*(.*?)\*(.*?)\[([^\]]*)\]", line)
            if not m or m.group(1).strip():
                continue  # malformed, or words before the verb: not expressible as our conditions
            when = pattern_conditions(m.group(2).strip(), synsets)
            if when is not None:
                blocks[-1].patterns.append((when, clean_code(m.group(3)), pattern_owner(raw)))
            continue
        parsed = verb_lemma(line)
        if parsed is not None:
            code = own_code(line)
            blocks[-1].verbs.append((parsed[0], parsed[1], blocks[-1].code if code is False else code))
    return blocks


def pattern_owner(raw: str) -> tuple[str, str | None] | None:
    """The verb a pattern line's comment names: ``# ANNOUNCE`` -> (announce, None)."""
    if "#" not in raw:
        return None
    m = re.match(r"\s*([A-Z+][A-Z_+]*)\b", raw.split("#", 1)[1])
    return verb_lemma(m.group(1)) if m else None


def build_rows(dictionary: Path, plover_map: Path) -> list[tuple[str, ...]]:
    vocab = json.loads(VOCAB.read_text(encoding="utf-8"))
    modes = {t: set(v) for t, v in vocab["modes"].items()}
    table = read_plover_map(plover_map, modes, set(vocab["contexts"]))
    lines = dictionary.read_text(encoding="latin-1").splitlines()
    synsets = read_synsets(lines)
    rows: dict[tuple[str, str], tuple[str, ...]] = {}  # (lemma, when) -> row; the first wins

    def emit(lemma: str, when: str, code: str | None, weight: float) -> None:
        if (lemma, when) in rows:
            return
        found = plover_of(code, table) if code else None
        if found is None:  # a blocker: the pattern is no PLOVER event
            rows[(lemma, when)] = (lemma, "V", when or "-", "-", "-", "-", "0", "-", code or "---")
            return
        ctx = ",".join(found.contexts) or "-"
        rows[(lemma, when)] = (lemma, "V", when or "-", found.type, found.mode or "-", ctx, str(weight), "-", code)

    blocks = read_blocks(lines, synsets)
    for block in blocks:  # every pattern first, so that a verb's patterns precede the verb alone
        for lemma, extra, _ in block.verbs:
            for when, code, owner in block.patterns:
                if not block.applies(owner, lemma, extra):
                    continue
                if code in VAGUE_ROOTS:
                    continue  # "found a link" [030], "resolve the crisis" [050]: too loose to code
                emit(lemma, " ".join(c for c in (extra, when) if c), code, PATTERN_WEIGHT)
    for block in blocks:
        for lemma, extra, code in block.verbs:
            if extra:
                emit(lemma, extra, code, PATTERN_WEIGHT)
            elif code and code[:3] not in VAGUE_ROOTS:
                # a root code ("190") on a whole synonym block is a weak cue: it needs an actor object
                emit(lemma, "" if code[2:] != "0" else "obj=@actor", code, VERB_WEIGHT)
    # A blocker matters only before a verb-alone row ("end the meeting" vs "end" alone).
    with_fallback = {lemma for (lemma, when), row in rows.items() if when in ("", "obj=@actor") and row[3] != "-"}
    rows = {k: r for k, r in rows.items() if r[3] != "-" or k[0] in with_fallback}
    order = {key: n for n, key in enumerate(rows)}
    # per lemma, most specific first: patterns naming a noun, then a particle or a bare
    # preposition, then the verb alone; within each, dictionary order
    return [rows[k] for k in sorted(rows, key=lambda k: (k[0], specificity(k[1]), order[k]))]


def specificity(when: str) -> int:
    if ("obj=" in when and "@actor" not in when) or "pp=" in when:
        return 0
    if when and when != "obj=@actor":
        return 1
    return 2


def render(rows: list[tuple[str, ...]]) -> str:
    body = "\n".join("\t".join(r) for r in rows)
    return HEADER + "\n" + "\t".join(COLUMNS) + "\n" + body + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared events datasets folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 when the file on disk differs")
    args = parser.parse_args(argv)
    dictionary = args.shared / "petrarch2" / "CAMEO.2.0.txt"
    plover_map = args.shared / "codebook" / "CAMEO2PLOVER-2021.txt"
    for path in (dictionary, plover_map):
        if not path.exists():
            print(f"error: {path} not found", file=sys.stderr)
            return 2
    text = render(build_rows(dictionary, plover_map))
    if args.check:
        return 0 if args.out.exists() and args.out.read_text(encoding="utf-8") == text else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({text.count(chr(10)) - HEADER.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
