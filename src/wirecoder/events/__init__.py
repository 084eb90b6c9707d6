"""Events stage."""
