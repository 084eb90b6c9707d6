"""Actors stage: mentions of people, organisations, countries and groups, coded and linked."""

from wirecoder.actors.api import MentionRef, actor_at, actor_by_id, actor_for_token

__all__ = ["MentionRef", "actor_at", "actor_by_id", "actor_for_token"]
