"""Step definitions: thin, in the guide's words; they speak to `espro.user.User` only."""

STEP_MODULES = (
    "steps.common",
    "steps.registration",
    "steps.terms",
    "steps.login_page",
    "steps.credentials",
    "steps.form",
    "steps.mail",
    "steps.activation",
    "steps.space",
    "steps.accessibility",
    "steps.security",
)
