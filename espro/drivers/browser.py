"""Playwright driver: one browser per process, one fresh context per scenario."""

import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import yaml
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
CONNECT_TIMEOUT_MS = 30_000
# DOM snapshots are what makes a trace worth opening (+10 to 25 % per scenario, some 20 KB); the
# screencast would add 60 to 85 % and some 7 MB, for pictures the snapshots already show.
TRACE_OPTIONS = {"screenshots": False, "snapshots": True, "sources": False}


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
    """The process's single browser; `new_page` gives each scenario a fresh context.

    Launched here by default. A browser that runs elsewhere is reached instead by `ws_endpoint`
    (a Playwright server: `playwright launch-server`, `playwright run-server`) or by `cdp_url`
    (a Chromium started with `--remote-debugging-port`). Launching also honours the
    SELENIUM_REMOTE_URL environment variable: Playwright then starts Chromium on that Selenium Grid.
    """

    def __init__(self, headless: bool = True, ws_endpoint: str | None = None, cdp_url: str | None = None):
        if ws_endpoint and cdp_url:
            raise RunError("navigateur distant : un point d'accès Playwright ou CDP, pas les deux")
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._open(headless, ws_endpoint, cdp_url)
        except BaseException:
            self._playwright.stop()
            raise

    def _open(self, headless: bool, ws_endpoint: str | None, cdp_url: str | None):
        chromium = self._playwright.chromium
        if not (ws_endpoint or cdp_url):
            return chromium.launch(executable_path=chromium_executable(self._playwright), headless=headless,
                                   args=CHROMIUM_ARGS)
        try:
            if ws_endpoint:
                return chromium.connect(ws_endpoint, timeout=CONNECT_TIMEOUT_MS)
            return chromium.connect_over_cdp(cdp_url, timeout=CONNECT_TIMEOUT_MS)
        except PlaywrightError as error:
            reason = re.sub(r"^BrowserType\.\w+: ", "", str(error).splitlines()[0])
            raise RunError(f"navigateur distant injoignable : {ws_endpoint or cdp_url} ({reason})") from None

    def new_page(self, base_url: str, locators: Locators, timeout_s: float, trace: bool = False) -> "WebPage":
        """A fresh context; with `trace`, it records a Playwright trace that `WebPage.save_trace` keeps."""
        context = self._browser.new_context(locale="fr-FR", base_url=base_url)
        context.set_default_timeout(timeout_s * 1000)
        return WebPage(context, locators, trace)

    def close(self) -> None:
        """A launched browser ends; a remote one is only left: our contexts close, its server keeps running."""
        self._browser.close()
        self._playwright.stop()


class WebPage:
    """One person's browser tab, seen through the contract's locators."""

    def __init__(self, context, locators: Locators, trace: bool = False):
        self.context = context
        self._tracing = trace
        if trace:
            context.tracing.start(**TRACE_OPTIONS)
        self.page = context.new_page()
        self.locators = locators

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="domcontentloaded")

    def press(self, name: str) -> None:
        """Click the button or link named `name` and let the next page load."""
        self.locators.control(self.page, name).first.click()
        self.page.wait_for_load_state("domcontentloaded")

    def name_of(self, key: str) -> str | None:
        """The name this target gives the control the guide calls `key` (None: found by CSS)."""
        return self.locators.name_of(key)

    def has_control(self, name: str) -> bool:
        return self.locators.control(self.page, name).count() > 0

    def fill(self, label: str, value: str) -> None:
        self.locators.field(self.page, label).fill(value)

    def check(self, label: str) -> None:
        self.locators.checkbox(self.page, label).check()

    def choose(self, label: str, option: str) -> None:
        self.locators.field(self.page, label).select_option(label=option)

    def has_field(self, label: str) -> bool:
        return self.locators.field(self.page, label).count() > 0

    def field_name(self, label: str) -> str:
        """The field's accessible name, as assistive technologies compute it."""
        # The snapshot is YAML: `- textbox "name"`, single-quoted as a whole when the name holds
        # ": " (its apostrophes then doubled), a mapping when the field has a value.
        snapshot = yaml.safe_load(self.locators.field(self.page, label).aria_snapshot())
        entry = snapshot[0] if isinstance(snapshot, list) and snapshot else snapshot
        entry = next(iter(entry)) if isinstance(entry, dict) else str(entry or "")
        match = re.search(r'"((?:[^"\\]|\\.)*)"', entry)
        return json.loads(f'"{match.group(1)}"') if match else ""

    def field_error(self, label: str) -> str | None:
        """The message tied to an invalid field (contract §1), or None when it is not invalid."""
        field = self.locators.field(self.page, label)
        if field.get_attribute("aria-invalid") != "true":
            return None
        ids = (field.get_attribute("aria-describedby") or "").split()
        texts = [self.page.locator(f"[id='{ident}']").inner_text() for ident in ids]
        return " ".join(" ".join(texts).split())

    def field_hints(self, label: str) -> str:
        """Everything that tells a person about the field: its accessible name, its placeholder,
        its title and the texts its aria-describedby points to, whitespace folded."""
        field = self.locators.field(self.page, label)
        described = field.evaluate(
            """el => (el.getAttribute('aria-describedby') || '').split(/\\s+/)
                 .map(id => id && document.getElementById(id)).filter(Boolean).map(e => e.textContent).join(' ')""")
        parts = [self.field_name(label), field.get_attribute("placeholder") or "", field.get_attribute("title") or "",
                 described]
        return " ".join(" ".join(parts).split())

    def type_keys(self, label: str, value: str) -> None:
        """Empty the field, then type `value` key by key, as a person does (every key event fires)."""
        field = self.locators.field(self.page, label)
        field.fill("")
        field.press_sequentially(value)

    def alerts(self) -> list[str]:
        """The page-level messages only (contract §1: elements with role="alert")."""
        return [" ".join(text.split()) for text in self.locators.marker(self.page, PAGE_ERROR).all_inner_texts()
                if text.strip()]

    def is_masked(self, label: str) -> bool:
        return self.locators.field(self.page, label).get_attribute("type") == "password"

    def is_checked(self, label: str) -> bool:
        return self.locators.checkbox(self.page, label).is_checked()

    def options_of(self, label: str) -> list[str]:
        return [" ".join(text.split()) for text in self.locators.field(self.page, label).locator("option").all_inner_texts()]

    def force_value(self, label: str, value: str) -> None:
        """What a user can do with the browser's tools: drop readonly/disabled and change the value."""
        self.locators.field(self.page, label).evaluate(
            "(el, value) => { el.removeAttribute('readonly'); el.removeAttribute('disabled'); el.value = value; }", value)

    def value_of(self, label: str) -> str:
        field = self.locators.field(self.page, label)
        if field.evaluate("el => el.tagName") == "SELECT":
            return field.evaluate("el => el.options[el.selectedIndex]?.text ?? ''")
        return field.input_value()

    def is_editable(self, label: str) -> bool:
        return self.locators.field(self.page, label).is_editable()

    def current_step(self) -> str:
        return " ".join(self.locators.marker(self.page, STEP_MARKER).inner_text().split())

    def current_step_if_any(self) -> str | None:
        """The current step's name, or None at once when the page shows no stepper (no waiting)."""
        marker = self.locators.marker(self.page, STEP_MARKER)
        return " ".join(marker.first.inner_text().split()) if marker.count() else None

    def headings(self) -> list[str]:
        """The texts of the page's headings (role heading, any level), whitespace folded."""
        return [" ".join(text.split()) for text in self.page.get_by_role("heading").all_inner_texts()]

    def control_count(self, name: str) -> int:
        """How many buttons and links are named exactly `name`."""
        return self.locators.control(self.page, name).count()

    def window_count(self) -> int:
        """How many tabs or windows this browser session has open (a pop-up adds one)."""
        return len(self.context.pages)

    def images_shown(self) -> int:
        """How many images (role img) the page shows, visible and actually loaded."""
        loaded = """el => el.tagName !== 'IMG' || (el.complete ? el.naturalWidth > 0 : new Promise(done => {
                       el.addEventListener('load', () => done(el.naturalWidth > 0));
                       el.addEventListener('error', () => done(false)); }))"""
        return sum(1 for image in self.page.get_by_role("img").all() if image.is_visible() and image.evaluate(loaded))

    def forget_cookies(self) -> None:
        """The browser loses its cookies (its session) while the page stays on screen."""
        self.context.clear_cookies()

    def steps(self) -> list[str]:
        """The names of the stepper's steps, in order."""
        items = self.locators.marker(self.page, STEP_MARKER).locator(
            "xpath=ancestor::*[self::ol or self::ul or @role='list'][1]/*[self::li or @role='listitem']")
        return [" ".join(text.split()) for text in items.all_inner_texts()]

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

    def visible_text(self, text: str) -> bool:
        return self.page.get_by_text(text, exact=False).first.is_visible()

    def text_starting_with(self, prefix: str) -> str | None:
        found = self.page.get_by_text(re.compile("^" + re.escape(prefix)))
        return " ".join(found.first.inner_text().split()) if found.count() else None

    def html(self) -> str:
        return self.page.content()

    @property
    def url(self) -> str:
        return self.page.url

    def fetch_document(self, name: str) -> tuple[str, bytes]:
        """What the control `name` yields: its link fetched with the page's cookies, or a download."""
        control = self.locators.control(self.page, name).first
        href = control.get_attribute("href")
        if href and not href.startswith(("#", "javascript:")):
            return self.fetch(urljoin(self.page.url, href))
        with self.page.expect_download() as download:
            control.click()
        return "application/octet-stream", Path(download.value.path()).read_bytes()

    def link_target(self, name: str) -> str | None:
        """The absolute address the link named `name` points to, or None when it has none (a button)."""
        href = self.locators.control(self.page, name).first.get_attribute("href")
        if not href or href.startswith(("#", "javascript:")):
            return None
        return urljoin(self.page.url, href)

    def fetch(self, url: str) -> tuple[str, bytes]:
        """GET with this tab's cookies, without leaving the page."""
        response = self.context.request.get(url)
        return response.headers.get("content-type", ""), response.body()

    def cookies(self) -> dict[str, str]:
        return {cookie["name"]: cookie["value"] for cookie in self.context.cookies(self.page.url)}

    def screenshot(self, path: Path) -> None:
        self.page.screenshot(path=str(path), full_page=True)

    def save_trace(self, path: Path) -> bool:
        """Write the trace so far to `path`, a zip for `playwright show-trace`; False when none is recorded.

        Only failed scenarios are worth it: the plugin calls this for them, `close` drops the others' traces.
        """
        if not self._tracing:
            return False
        self._tracing = False
        self.context.tracing.stop(path=str(path))
        return True

    def close(self) -> None:
        try:
            if self._tracing:
                self.context.tracing.stop()
            self.context.close()
        except PlaywrightError:
            pass
