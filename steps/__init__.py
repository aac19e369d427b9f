"""Step definitions: thin, in the guide's words; they speak to `espro.user.User` only."""

STEP_MODULES = ("steps.registration", "steps.activation", "steps.space")
