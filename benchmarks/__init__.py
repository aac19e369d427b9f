"""Benchmarks of the suite against the reference implementation: `python -m benchmarks` (README, « Mesurer »)."""
