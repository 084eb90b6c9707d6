"""Quotes stage."""
