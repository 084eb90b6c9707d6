"""The trigger lexicon generated from PETRARCH2 (``petrarch_triggers.tsv``, built by
``tools/build_event_lexicon.py``) and how it is merged under the hand lexicon (``triggers.tsv``).
"""

from __future__ import annotations

from dataclasses import replace

from wirecoder.events.lexicon import ACTOR_VALUE, Condition, TriggerEntry

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
    "description_verbs",
)
#: What a generated verb alone needs: an actor as its doer and an actor as what it acts on.
#: PETRARCH2 itself codes a verb only between a source and a target actor of its dictionaries.
ACTOR_PAIR = (Condition("subj", frozenset({ACTOR_VALUE})), Condition("obj", frozenset({ACTOR_VALUE})))


def structural_words(hand: dict, cues: dict[str, frozenset[str]]) -> frozenset[str]:
    """Verbs the hand data uses structurally: the cue lists above and every ``gov=`` verb."""
    words = set().union(*(cues.get(name, frozenset()) for name in STRUCTURAL_CUES))
    for entries in hand.values():
        for entry in entries:
            words.update(v for c in entry.conditions if c.key == "gov" for v in c.values)
    return frozenset(words)


def merge_triggers(hand: dict, generated: dict, structural: frozenset[str] = frozenset()) -> dict:
    """The hand lexicon, plus the generated entries of every (lemma, POS) it does not list:
    where a linguist wrote entries for a word they win, the generated ones only add recall.
    A word's patterns are tried first, then the verb alone between two actors."""
    merged = dict(hand)
    for key, entries in generated.items():
        if key[0] in structural or key in hand:
            continue
        patterned = [e for e in entries if has_pattern(e)]
        bare = [between_actors(e) for e in entries if e.type and not has_pattern(e) and is_bare(e)]
        if patterned or bare:
            merged[key] = patterned + bare
    return merged


def has_pattern(entry: TriggerEntry) -> bool:
    """A generated entry that names what the verb acts on (an object, particle or phrase)."""
    return any(c.key in ("obj", "prt", "pp") and ACTOR_VALUE not in c.values for c in entry.conditions)


def is_bare(entry: TriggerEntry) -> bool:
    """The verb alone (no condition, or only "its object is an actor")."""
    return all(c.key == "obj" and c.values == {ACTOR_VALUE} and not c.negate for c in entry.conditions)


def between_actors(entry: TriggerEntry) -> TriggerEntry:
    """PETRARCH2's verbs alone ("sell", "regard", "dominate" under their blocks' codes) coded
    ordinary narration as events on the NGEC synthetic stories (tools/ngec_check.py): of 48
    events they added, 3 had the story's type.  So a verb alone is only a trigger when both its
    doer and what it acts on are actors ("Peru congratulated Chile"), as PETRARCH2 requires."""
    return replace(entry, conditions=ACTOR_PAIR)
