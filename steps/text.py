"""Reading page and mail texts the way the features quote them: whitespace folded."""


def fold(text: str) -> str:
    return " ".join(text.split())


def lines(docstring: str) -> list[str]:
    """The non-empty lines of a step's doc string, each folded."""
    return [fold(line) for line in docstring.splitlines() if line.strip()]


def missing_in_order(text: str, expected: list[str]) -> str | None:
    """The first of `expected` not found after the previous one in `text`, else None."""
    position = 0
    for item in expected:
        found = text.find(item, position)
        if found < 0:
            return item
        position = found + len(item)
    return None
