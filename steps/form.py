"""Steps (being written)."""
