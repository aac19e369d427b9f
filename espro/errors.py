"""Errors that end a run or a scenario with a clear, one-line reason."""


class RunError(Exception):
    """The run cannot be made (bad profile, target down): exit status 2, one line."""


class NotVerified(Exception):
    """A scenario cannot be checked against this target (a hook it lacks, for instance).

    The harness reports the scenario as "not verified" with this reason, never as passed.
    """


class TargetFailed(AssertionError):
    """The target did not answer as any web server must (a server error, no answer in time, a
    connection closed without an answer): its failure in any step, even while a scenario prepares
    its state (never "not verified"), and never a mere warning: no reading of the guide allows it."""


class HookFailed(TargetFailed):
    """A hook the profile declares did not answer as contract §3 says."""
