"""Evaluation against public gold: one module per task, each with a reader, a scorer that
follows the dataset README's rules exactly, and optional peer baselines."""
