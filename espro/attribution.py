"""Which rules each step checks, and what a failed check means for them."""


def tolerate(request, error) -> bool:
    """Whether this failed check only concerns recommendations (then it is recorded as a warning)."""
    return False
