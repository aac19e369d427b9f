"""Drivers: how the suite reaches a target (browser, mail, hooks). They know nothing of Gherkin."""
