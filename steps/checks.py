"""`then` for the steps that check: a failed check of recommendations only is a warning.

A check whose rules (espro.attribution) are all `recommandation` in the catalogue records a
warning and lets the scenario go on, unless the run is strict; any other failure raises.
"""

import functools
import inspect

import pytest_bdd

from espro import attribution


def then(name, **options):
    """pytest_bdd.then, registering the step wrapped so that a recommendation's failure warns."""
    register = pytest_bdd.then(name, stacklevel=2, **options)

    def decorator(func):
        register(_tolerant(func))
        return func

    return decorator


def _tolerant(func):
    signature = inspect.signature(func)
    asks_request = "request" in signature.parameters

    @functools.wraps(func)
    def check(*args, request, **kwargs):
        try:
            return func(*args, **({**kwargs, "request": request} if asks_request else kwargs))
        except AssertionError as error:
            if not attribution.tolerate(request, error):
                raise
            return None

    parameters = [p for p in signature.parameters.values() if p.name != "request"]
    check.__signature__ = signature.replace(parameters=parameters + [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD)])
    del check.__wrapped__
    return check
