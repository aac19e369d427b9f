"""Which driver moves a person's tab: HTTP while a scenario prepares, the browser otherwise.

The runner opens a preparation before each `Soit` step and closes it after: each tab then shows
in the browser the page reached, and the actions and checks under test run there. Neither the
steps nor `User` know which driver did the work; a profile chooses (`preparation`).
"""

from espro.drivers.http_page import HttpPage

HTTP, BROWSER = "http", "navigateur"


class Preparation:
    """Shared by a person's tabs (and the other people of the scenario)."""

    def __init__(self, mode: str = HTTP):
        self.mode = mode
        self.active = False
        self.tabs: list["Tab"] = []

    def begin(self) -> None:
        self.active = self.mode == HTTP

    def scripted(self) -> list[str]:
        """The controls and fields the HTTP preparation left to the browser, by name."""
        return [name for tab in self.tabs for name in tab.http.scripted]

    def end(self) -> None:
        """The browser takes over: each tab shows the page its preparation reached."""
        self.active = False
        for tab in self.tabs:
            tab.http.show()


class Tab:
    """A person's tab: its `HttpPage` while a preparation is open, its `WebPage` otherwise."""

    def __init__(self, browser_page, preparation: Preparation):
        self.browser = browser_page
        self.http = HttpPage(browser_page)
        self._preparation = preparation
        preparation.tabs.append(self)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.http if self._preparation.active else self.browser, name)

    def press_from_another_site(self, name: str) -> None:
        """Only HTTP can send what another site's page would: the browser sends it as this site."""
        self.http.press_from_another_site(name)

    def post(self, action: str, entries: list[tuple[str, str]]) -> None:
        """A form's entries sent again as they were, which only HTTP can do."""
        self.http.post(action, entries)
