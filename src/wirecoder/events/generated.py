"""The trigger lexicon generated from PETRARCH2 (``petrarch_triggers.tsv``, built by
``tools/build_event_lexicon.py``) and how it is merged under the hand lexicon (``triggers.tsv``).
"""

from __future__ import annotations

from wirecoder.events.lexicon import ACTOR_VALUE, TriggerEntry

#: Cue lists of cues.json whose verbs play a structural part (light, reporting, cancelling,
#: planning verbs ...): the hand data reads them around triggers, so they are never triggers
#: from the generated lexicon ("staged protests", "postponed the talks").
STRUCTURAL_CUES = (
    "light_verbs",
    "cancelling_verbs",
    "obligation_verbs",
    "failure_governors",
    "desire_governors",
    "reporting_verbs",
    "planned_governors",
    "event_verbs",
)


def structural_words(hand: dict, cues: dict[str, frozenset[str]]) -> frozenset[str]:
    """Verbs the hand data uses structurally: the cue lists above and every ``gov=`` verb."""
    words = set().union(*(cues.get(name, frozenset()) for name in STRUCTURAL_CUES))
    for entries in hand.values():
        for entry in entries:
            words.update(v for c in entry.conditions if c.key == "gov" for v in c.values)
    return frozenset(words)


def merge_triggers(hand: dict, generated: dict, structural: frozenset[str] = frozenset()) -> dict:
    """The hand lexicon, plus the generated entries of every (lemma, POS) it does not list:
    where a linguist wrote entries for a word they win, the generated ones only add recall."""
    merged = dict(hand)
    for key, entries in generated.items():
        patterned = [e for e in entries if has_pattern(e)]
        if key[0] not in structural and patterned:
            merged.setdefault(key, patterned)
    return merged


def has_pattern(entry: TriggerEntry) -> bool:
    """A generated entry that names what the verb acts on (an object, particle or phrase).
    PETRARCH2's verbs alone ("sell", "regard", "dominate" under their blocks' codes) coded
    ordinary narration as events on the NGEC synthetic stories (tools/ngec_check.py): of 48
    events they added, 3 had the story's type.  So only patterns are used."""
    return any(c.key in ("obj", "prt", "pp") and ACTOR_VALUE not in c.values for c in entry.conditions)
