"""Events stage: PLOVER event detection and coding (type, mode, contexts, parties, date, status)."""
