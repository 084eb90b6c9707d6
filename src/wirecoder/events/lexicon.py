"""The events stage's data files, loaded once, validated and indexed for O(1) lookups.

All word lists live in ``wirecoder/data/events/`` (see the header of each file); this module
only parses them.  Every lookup the coder does per token is a dict or set lookup keyed on the
lemma, so coding stays linear in the number of tokens.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from wirecoder.model import PLOVER_TYPES

#: Condition keys a trigger entry may use (see the header of triggers.tsv).
CONDITION_KEYS = frozenset({"obj", "objmod", "prt", "prep", "pp", "mod", "subj", "comp", "gov", "pred", "clause"})
#: Flags a trigger entry may carry.
FLAGS = frozenset(
    {
        "complement",
        "intent",
        "causative",
        "recip",
        "swap",
        "sports",
        "purpose",
        "keepfuture",
        "stative",
        "needs_embedded",
        "needs_source",
        "poss_target",
    }
)
POS_CODES = frozenset({"V", "N", "A"})
ACTOR_VALUE = "@actor"
#: Trigger patterns generated from the PETRARCH2 verb dictionary (tools/build_event_lexicon.py).
GENERATED_TRIGGERS = "petrarch_triggers.tsv"
NONE_VALUE = "-"


class LexiconError(ValueError):
    """A data file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Condition:
    """One ``key=v1|v2`` test on a trigger token's neighbours (``!key=`` negates it)."""

    key: str
    values: frozenset[str]
    negate: bool = False


@dataclass(frozen=True)
class TriggerEntry:
    """One line of triggers.tsv."""

    lemma: str
    pos: str
    conditions: tuple[Condition, ...]
    type: str | None
    mode: str | None
    contexts: tuple[str, ...]
    weight: float
    flags: frozenset[str]
    neg_type: str | None = None
    line: int = 0
    cameo: str | None = None  # the CAMEO code of a generated (PETRARCH2) entry
    generated: bool = False

    def has(self, flag: str) -> bool:
        return flag in self.flags


@dataclass(frozen=True)
class TypeInfo:
    """One line of types.tsv."""

    target_preps: frozenset[str]
    of_role: str
    object_role: str  # "target", or "none" when the object is what is given or sent
    place_role: str  # "no", "target", "source" or "both"
    requires_target: bool


@dataclass
class EventData:
    """Everything the coder needs, parsed from the data folder."""

    triggers: dict[tuple[str, str], list[TriggerEntry]]
    types: dict[str, TypeInfo]
    cameo: dict[tuple[str, str, str], str]
    future: dict[str, dict[str, str]]
    embedded_modes: dict[tuple[str, str, str], str]
    mode_cues: dict[str, list[tuple[str, str]]]
    context_cues: dict[str, str]
    context_pairs: dict[tuple[str, str], str]
    sports_cues: frozenset[str]
    modes: dict[str, frozenset[str]]
    contexts: frozenset[str]
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    obligation_type: str = "REQUEST"
    obligation_weight: float = 0.7
    lemma_fixes: dict[str, str] = field(default_factory=dict)

    def entries(self, lemma: str, pos: str) -> list[TriggerEntry]:
        return self.triggers.get((lemma, pos), [])

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())


def data_dir() -> Path:
    return Path(str(resources.files("wirecoder") / "data" / "events"))


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """Non-comment, non-blank TSV rows with their line numbers (the header row is skipped)."""
    rows: list[tuple[int, list[str]]] = []
    header_seen = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if not header_seen and cells[0] in {"lemma", "type", "cue_lemma", "governing"}:
            header_seen = True
            continue
        rows.append((number, cells))
    return rows


def _opt(cell: str) -> str | None:
    return None if cell in ("", NONE_VALUE) else cell


def _where(path: Path, line: int) -> str:
    return f"{path.name}:{line}"


def parse_conditions(text: str, where: str) -> tuple[Condition, ...]:
    if text in ("", NONE_VALUE):
        return ()
    conditions = []
    for part in text.split():
        negate = part.startswith("!")
        key, sep, values = part.lstrip("!").partition("=")
        if not sep or key not in CONDITION_KEYS or not values:
            raise LexiconError(f"{where}: bad condition '{part}'")
        conditions.append(Condition(key, frozenset(values.lower().split("|")), negate))
    return tuple(conditions)


def _parse_flags(text: str, where: str) -> tuple[frozenset[str], str | None]:
    flags: set[str] = set()
    neg_type = None
    for flag in (f.strip() for f in text.split(",") if f.strip() and f.strip() != NONE_VALUE):
        if flag.startswith("neg="):
            neg_type = flag[4:]
            if neg_type not in PLOVER_TYPES:
                raise LexiconError(f"{where}: unknown type in '{flag}'")
        elif flag in FLAGS:
            flags.add(flag)
        else:
            raise LexiconError(f"{where}: unknown flag '{flag}'")
    return frozenset(flags), neg_type


def load_triggers(
    path: Path,
    modes: dict[str, frozenset[str]],
    contexts: frozenset[str],
    generated: bool = False,
    skip: frozenset[str] = frozenset(),
) -> dict:
    """triggers.tsv (8 columns) or, with ``generated``, petrarch_triggers.tsv (+ a cameo
    column); lemmas in ``skip`` are not parsed at all, which keeps the start-up short."""
    index: dict[tuple[str, str], list[TriggerEntry]] = {}
    columns = 9 if generated else 8
    name = path.name
    for line, cells in _rows(path):
        if cells[0] in skip:
            continue
        where = f"{name}:{line}"
        if len(cells) != columns:
            raise LexiconError(f"{where}: expected {columns} columns, found {len(cells)}")
        lemma, pos, when, etype, mode, ctx, weight, flag_text = cells[:8]
        if pos not in POS_CODES:
            raise LexiconError(f"{where}: bad pos '{pos}'")
        etype_opt, mode_opt = _opt(etype), _opt(mode)
        if etype_opt is not None and etype_opt not in PLOVER_TYPES:
            raise LexiconError(f"{where}: unknown type '{etype}'")
        if mode_opt is not None and (etype_opt is None or mode_opt not in modes[etype_opt]):
            raise LexiconError(f"{where}: mode '{mode}' is not a PLOVER mode of {etype}")
        context_list = tuple(c for c in ctx.split(",") if c and c != NONE_VALUE)
        for c in context_list:
            if c not in contexts:
                raise LexiconError(f"{where}: unknown context '{c}'")
        try:
            weight_value = float(weight)
        except ValueError:
            raise LexiconError(f"{where}: weight '{weight}' is not a number") from None
        if not 0.0 <= weight_value <= 1.0:
            raise LexiconError(f"{where}: weight {weight_value} outside [0, 1]")
        flags, neg_type = _parse_flags(flag_text, where)
        entry = TriggerEntry(
            lemma=lemma.lower(),
            pos=pos,
            conditions=parse_conditions(when, where),
            type=etype_opt,
            mode=mode_opt,
            contexts=context_list,
            weight=weight_value,
            flags=flags,
            neg_type=neg_type,
            line=line,
            cameo=_opt(cells[8]) if generated else None,
            generated=generated,
        )
        index.setdefault((entry.lemma, pos), []).append(entry)
    return index


def load_types(path: Path) -> dict[str, TypeInfo]:
    types: dict[str, TypeInfo] = {}
    for line, cells in _rows(path):
        if len(cells) != 6 or cells[0] not in PLOVER_TYPES:
            raise LexiconError(f"{_where(path, line)}: bad row")
        etype, preps, of_role, object_role, place, requires = cells
        if of_role not in ("source", "target"):
            raise LexiconError(f"{_where(path, line)}: of_role must be source or target")
        if object_role not in ("target", "none"):
            raise LexiconError(f"{_where(path, line)}: object_role must be target or none")
        if place not in ("no", "target", "source", "both"):
            raise LexiconError(f"{_where(path, line)}: place_role must be no, target, source or both")
        types[etype] = TypeInfo(
            target_preps=frozenset(preps.split("|")),
            of_role=of_role,
            object_role=object_role,
            place_role=place,
            requires_target=requires == "yes",
        )
    missing = set(PLOVER_TYPES) - set(types)
    if missing:
        raise LexiconError(f"{path.name}: no row for {', '.join(sorted(missing))}")
    return types


def load_cameo(path: Path) -> dict[tuple[str, str, str], str]:
    table: dict[tuple[str, str, str], str] = {}
    for line, cells in _rows(path):
        if len(cells) != 4 or cells[0] not in PLOVER_TYPES or not (len(cells[3]) == 2 and cells[3].isdigit()):
            raise LexiconError(f"{_where(path, line)}: bad row")
        table[(cells[0], cells[1], cells[2])] = cells[3]
    return table


def load_future(path: Path) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for line, cells in _rows(path):
        if len(cells) != 4 or any(c not in PLOVER_TYPES for c in cells):
            raise LexiconError(f"{_where(path, line)}: bad row")
        table[cells[0]] = {"will": cells[1], "intent": cells[2], "maybe": cells[3]}
    return table


def load_embedded_modes(path: Path, modes: dict[str, frozenset[str]]) -> dict[tuple[str, str, str], str]:
    table: dict[tuple[str, str, str], str] = {}
    for line, cells in _rows(path):
        if len(cells) != 4 or cells[0] not in PLOVER_TYPES or cells[3] not in modes[cells[0]]:
            raise LexiconError(f"{_where(path, line)}: bad row")
        table[(cells[0], cells[1], cells[2])] = cells[3]
    return table


def load_mode_cues(path: Path, modes: dict[str, frozenset[str]]) -> dict[str, list[tuple[str, str]]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for line, cells in _rows(path):
        if len(cells) != 3 or cells[0] not in PLOVER_TYPES or cells[2] not in modes[cells[0]]:
            raise LexiconError(f"{_where(path, line)}: bad row")
        table.setdefault(cells[0], []).append((cells[1].lower(), cells[2]))
    return table


def load_context_cues(path: Path, contexts: frozenset[str]) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    single: dict[str, str] = {}
    pairs: dict[tuple[str, str], str] = {}
    for line, cells in _rows(path):
        if len(cells) != 2 or cells[1] not in contexts:
            raise LexiconError(f"{_where(path, line)}: bad row")
        words = cells[0].lower().split()
        if len(words) == 1:
            single[words[0]] = cells[1]
        elif len(words) == 2:
            pairs[(words[0], words[1])] = cells[1]
        else:
            raise LexiconError(f"{_where(path, line)}: cues have one or two words")
    return single, pairs


def load_word_list(path: Path) -> frozenset[str]:
    return frozenset(cells[0].lower() for _, cells in _rows(path))


def load_vocab(path: Path) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    modes = {t: frozenset(raw["modes"].get(t, [])) for t in PLOVER_TYPES}
    return modes, frozenset(raw["contexts"])


def load_cues(path: Path) -> tuple[dict[str, frozenset[str]], str, float, dict[str, str]]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    lists = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}
    obligation_type = raw.get("obligation_type", "REQUEST")
    if obligation_type not in PLOVER_TYPES:
        raise LexiconError(f"{path.name}: unknown obligation_type '{obligation_type}'")
    for name, values in lists.items():  # "domestic_types", ...: lists of event types
        # an entry is a type, or "TYPE/mode" for one mode of it
        unknown = sorted(v for v in values if name.endswith("_types") and v.split("/")[0] not in PLOVER_TYPES)
        if unknown:
            raise LexiconError(f"{path.name}: {name}: unknown event type '{unknown[0]}'")
    fixes = raw.get("lemma_fixes", {})
    if not isinstance(fixes, dict) or not all(isinstance(v, str) for v in fixes.values()):
        raise LexiconError(f"{path.name}: lemma_fixes must map lemma to lemma")
    return lists, obligation_type, float(raw.get("obligation_weight", 0.7)), fixes


def load_event_data(folder: Path | None = None) -> EventData:
    """Parse and cross-check every file in the events data folder."""
    folder = folder or data_dir()
    modes, contexts = load_vocab(folder / "vocab.json")
    single, pairs = load_context_cues(folder / "context_cues.tsv", contexts)
    cues, obligation_type, obligation_weight, lemma_fixes = load_cues(folder / "cues.json")
    from wirecoder.events.generated import merge_triggers, structural_words  # needs this module's types

    hand = load_triggers(folder / "triggers.tsv", modes, contexts)
    structural = structural_words(hand, cues)
    generated_path = folder / GENERATED_TRIGGERS
    generated = {}
    if generated_path.exists():
        skip = structural | {lemma for lemma, pos in hand if pos == "V"}
        generated = load_triggers(generated_path, modes, contexts, generated=True, skip=skip)
    return EventData(
        triggers=merge_triggers(hand, generated, structural),
        types=load_types(folder / "types.tsv"),
        cameo=load_cameo(folder / "cameo.tsv"),
        future=load_future(folder / "future.tsv"),
        embedded_modes=load_embedded_modes(folder / "embedded_modes.tsv", modes),
        mode_cues=load_mode_cues(folder / "mode_cues.tsv", modes),
        context_cues=single,
        context_pairs=pairs,
        sports_cues=load_word_list(folder / "guards.tsv"),
        modes=modes,
        contexts=contexts,
        cues=cues,
        obligation_type=obligation_type,
        obligation_weight=obligation_weight,
        lemma_fixes=lemma_fixes,
    )


@lru_cache(maxsize=1)
def event_data() -> EventData:
    """The packaged data, parsed once per process."""
    return load_event_data()


def cameo_code(data: EventData, etype: str, mode: str | None, contexts: tuple[str, ...] | list[str]) -> str | None:
    """CAMEO root for a PLOVER type (+ mode, + context), most specific row first."""
    m = mode or "*"
    for ctx in contexts:
        code = data.cameo.get((etype, m, ctx))
        if code:
            return code
    code = data.cameo.get((etype, m, "*"))
    if code:
        return code
    for ctx in contexts:
        code = data.cameo.get((etype, "*", ctx))
        if code:
            return code
    return data.cameo.get((etype, "*", "*"))
