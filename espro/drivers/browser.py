"""Playwright driver: one browser per process, one fresh context per scenario."""

import os
import shutil
from pathlib import Path
from urllib.parse import urljoin

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from espro.drivers.locators import PAGE_ERROR, STEP_MARKER, Locators
from espro.errors import RunError

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_executable(playwright) -> str | None:
    """ESPRO_CHROMIUM, else Playwright's own Chromium where installed, else the system's."""
    chosen = os.environ.get("ESPRO_CHROMIUM")
    if chosen:
        return chosen
    if Path(playwright.chromium.executable_path).exists():
        return None
    system = shutil.which("chromium") or shutil.which("chromium-browser")
    if system is None:
        raise RunError("aucun Chromium : installez le paquet chromium ou définissez ESPRO_CHROMIUM")
    return system


class Browser:
    """The process's single browser; `new_page` gives each scenario a fresh context."""

    def __init__(self, headless: bool = True):
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=chromium_executable(self._playwright),
                headless=headless,
                args=CHROMIUM_ARGS,
            )
        except BaseException:
            self._playwright.stop()
            raise

    def new_page(self, base_url: str, locators: Locators, timeout_s: float) -> "WebPage":
        context = self._browser.new_context(locale="fr-FR", base_url=base_url)
        context.set_default_timeout(timeout_s * 1000)
        return WebPage(context, locators)

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()


class WebPage:
    """One person's browser tab, seen through the contract's locators."""

    def __init__(self, context, locators: Locators):
        self.context = context
        self.page = context.new_page()
        self.locators = locators

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="domcontentloaded")

    def press(self, name: str) -> None:
        """Click the button or link named `name` and let the next page load."""
        self.locators.control(self.page, name).first.click()
        self.page.wait_for_load_state("domcontentloaded")

    def has_control(self, name: str) -> bool:
        return self.locators.control(self.page, name).count() > 0

    def fill(self, label: str, value: str) -> None:
        self.locators.field(self.page, label).fill(value)

    def check(self, label: str) -> None:
        self.locators.checkbox(self.page, label).check()

    def choose(self, label: str, option: str) -> None:
        self.locators.field(self.page, label).select_option(label=option)

    def value_of(self, label: str) -> str:
        field = self.locators.field(self.page, label)
        if field.evaluate("el => el.tagName") == "SELECT":
            return field.evaluate("el => el.options[el.selectedIndex]?.text ?? ''")
        return field.input_value()

    def is_editable(self, label: str) -> bool:
        return self.locators.field(self.page, label).is_editable()

    def current_step(self) -> str:
        return " ".join(self.locators.marker(self.page, STEP_MARKER).inner_text().split())

    def errors(self) -> list[str]:
        """Every error shown: page alerts, then the messages tied to invalid fields."""
        alerts = self.locators.marker(self.page, PAGE_ERROR).all_inner_texts()
        tied = self.page.locator('[aria-invalid="true"]').evaluate_all(
            """fields => fields.flatMap(f => (f.getAttribute('aria-describedby') || '').split(/\\s+/))
                 .map(id => id && document.getElementById(id)).filter(Boolean).map(e => e.innerText)"""
        )
        return [" ".join(text.split()) for text in alerts + tied if text.strip()]

    def text(self) -> str:
        return " ".join(self.page.locator("body").inner_text().split())

    def fetch_document(self, name: str) -> tuple[str, bytes]:
        """What the control `name` yields: its link fetched with the page's cookies, or a download."""
        control = self.locators.control(self.page, name).first
        href = control.get_attribute("href")
        if href and not href.startswith(("#", "javascript:")):
            response = self.context.request.get(urljoin(self.page.url, href))
            return response.headers.get("content-type", ""), response.body()
        with self.page.expect_download() as download:
            control.click()
        return "application/octet-stream", Path(download.value.path()).read_bytes()

    def cookies(self) -> dict[str, str]:
        return {cookie["name"]: cookie["value"] for cookie in self.context.cookies(self.page.url)}

    def screenshot(self, path: Path) -> None:
        self.page.screenshot(path=str(path), full_page=True)

    def close(self) -> None:
        try:
            self.context.close()
        except PlaywrightError:
            pass
