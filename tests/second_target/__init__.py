"""A second target for the suite: the reference implementation's logic under markup of its own."""
