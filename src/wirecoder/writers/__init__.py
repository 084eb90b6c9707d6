"""Output writers: JSON, JSON Lines and readable Rich tables."""

from wirecoder.writers.json_writer import dumps_result, write_json_lines
from wirecoder.writers.table import render_summary

__all__ = ["dumps_result", "render_summary", "write_json_lines"]
