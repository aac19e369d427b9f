"""Playwright driver: one browser per process, one fresh context per scenario."""

import io
import json
import mimetypes
import os
import re
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from axe_playwright_python.base import AXE_SCRIPT
from pypdf import PdfReader
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

from espro.drivers.locators import PAGE_ERROR, STEP_MARKER, Locators, label_source
from espro.errors import RunError, TargetFailed

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CONNECT_TIMEOUT_MS = 30_000
MISSING_CONTROL_WAIT_MS = 2_000  # how long a control the page lacks may take to appear
POPUP_WAIT_MS = 2_000  # how long a click that showed nothing may take to open a window
SETTLE_POLL_MS = 50  # how often a page load that has not ended yet is looked at again
KEYBOARD_TABS = 150  # how many presses of Tab may take the focus to a control, from wherever it is
# The browser's reason for a page load it gave up on, where the target has no part in it (a
# download, or another navigation that took over).
ABORTED = "net::ERR_ABORTED"
# DOM snapshots are what makes a trace worth opening (+10 to 25 % per scenario, some 20 KB); the
# screencast would add 60 to 85 % and some 7 MB, for pictures the snapshots already show.
TRACE_OPTIONS = {"screenshots": False, "snapshots": True, "sources": False}
# What destination_text keeps in the page's window: the elements shown before a click.
SEEN = "__esproSeenBeforeClick"
# The stepper's step names, from the current step's marker: the items of the list that holds it;
# without a list, the siblings at the first level where the marker has some (separators left out).
STEPPER = """marker => {
  const list = marker.closest('ol, ul, [role="list"]');
  if (list) return Array.from(list.children).filter(item => item.tagName === 'LI' || item.getAttribute('role') === 'listitem')
    .map(item => item.innerText);
  const separator = /^[\\s>›»→\\/|–—-]*$/;
  for (let el = marker; el.parentElement && el.parentElement !== document.body; el = el.parentElement) {
    const items = Array.from(el.parentElement.children).filter(item => !separator.test(item.innerText || ''));
    if (items.length > 1) return items.map(item => item.innerText);
  }
  return [marker.innerText];
}"""
# The new names the contract (§1) gives a control that renames itself once used.
RENAMED = {"Afficher": ("Masquer",)}
# Whether one of a checkbox's labels is drawn over it, where a person clicks the box (the DSFR does so).
LABEL_OVER_BOX = """box => {
  box.scrollIntoView({block: 'center'});
  const shown = box.getBoundingClientRect();
  const hit = document.elementFromPoint(shown.x + shown.width / 2, shown.y + shown.height / 2);
  return hit !== box && [...(box.labels || [])].includes(hit);
}"""
# Whether the page cancels a paste into the field (a password manager pastes).
REFUSES_PASTE = """field => {
  const data = new DataTransfer();
  data.setData('text/plain', 'colle');
  const paste = new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true});
  return !field.dispatchEvent(paste);
}"""
# What pressing a button sends, as the browser builds it; hidden fields dropped unless asked for.
FORM_ENTRIES = """(button, hidden) => {
  const form = button.form;
  const data = new FormData(form, button);
  if (!hidden) for (const element of form.elements) if (element.type === 'hidden' && element.name) data.delete(element.name);
  return {action: button.formAction || form.action,
          entries: [...data.entries()].filter(([, value]) => typeof value === 'string')};
}"""
# What the page shows after each label (WebPage.values_shown): for every visible element whose
# text is a label, the value the structure ties to it; for a one-line element « label : value »,
# that value. Answers [document position, label index, value] triples, whitespace folded.
VALUES_SHOWN = """([exact, line]) => {
  const exactRe = exact.map(source => new RegExp(source));
  const lineRe = line.map(source => new RegExp(source));
  const fold = text => (text || '').replace(/\\s+/g, ' ').trim();
  const shown = el => el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0;
  const textOf = el => fold(el.innerText);
  const isLabel = text => exactRe.findIndex(re => re.test(text));
  const isLine = text => lineRe.some(re => re.test(text));
  // Elements that are not a value: headings, landmarks, forms, controls.
  const NOT_VALUE = /^(H[1-6]|HEADER|FOOTER|NAV|ASIDE|MAIN|SECTION|FORM|BUTTON|A|SCRIPT|STYLE|TEMPLATE)$/;
  const notValue = el => NOT_VALUE.test(el.tagName) || ['heading', 'navigation', 'contentinfo', 'banner',
    'complementary', 'button', 'link', 'alert'].includes(el.getAttribute('role'));
  const controlValue = el => el.tagName === 'SELECT' ? fold(el.options[el.selectedIndex]?.text) : fold(el.value);
  const tiedTo = el => {
    if (el.tagName === 'DT') {
      const values = [];
      for (let next = el.nextElementSibling; next && next.tagName !== 'DT'; next = next.nextElementSibling) {
        if (next.tagName === 'DD') values.push(textOf(next));
      }
      return values.join(' ');
    }
    if (el.tagName === 'TH' || el.tagName === 'TD') {
      const row = el.parentElement, cells = Array.from(row.children);
      if (cells.every(cell => cell.tagName === 'TH') && cells.length > 1) {
        const below = row.nextElementSibling || row.parentElement.nextElementSibling?.firstElementChild;
        const cell = below && below.children[cells.indexOf(el)];
        return cell ? textOf(cell) : '';
      }
      return fold(cells.slice(cells.indexOf(el) + 1).map(textOf).join(' '));
    }
    if (el.tagName === 'LABEL' && el.control) return controlValue(el.control);
    // The next element, unless it reads as a line of its own (« another label : its value »).
    const next = el.nextElementSibling;
    if (!next || !shown(next) || notValue(next)) return '';
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(next.tagName)) return controlValue(next);
    return /^[^:]{1,60}\\s:(\\s|$)/.test(textOf(next)) ? '' : textOf(next);
  };
  const all = Array.from(document.body.querySelectorAll('*'));
  const found = [];
  all.forEach((el, position) => {
    if (/^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/.test(el.tagName) || !shown(el)) return;
    const text = textOf(el);
    if (!text) return;
    const index = isLabel(text);
    // A wrapper of the label's own element (a row, a line) leaves the reading to that element.
    const wrapper = !/^(DT|TH|TD|LABEL)$/.test(el.tagName) && Array.from(el.children).some(child => textOf(child) === text);
    if (index >= 0 && !wrapper) {
      // What the label names through aria-labelledby, else what its structure puts after it.
      const named = el.id ? Array.from(document.querySelectorAll(`[aria-labelledby~="${CSS.escape(el.id)}"]`)) : [];
      for (const tied of named) {
        if (!shown(tied)) continue;
        let value = /^(INPUT|SELECT|TEXTAREA)$/.test(tied.tagName) ? controlValue(tied) : textOf(tied);
        if (tied.contains(el) && value.startsWith(text)) value = fold(value.slice(text.length));
        if (!isLine(value) && isLabel(value) < 0) found.push([all.indexOf(tied), index, value]);
      }
      if (!named.length) {
        const value = tiedTo(el);
        found.push([position, index, isLine(value) || isLabel(value) >= 0 ? '' : value]);
      }
    } else if (index < 0 && !el.innerText.trim().includes('\\n')) {
      lineRe.forEach((re, index) => {
        const match = re.exec(text);
        if (match) found.push([position, index, fold(match[1])]);
      });
    }
  });
  return found;
}"""


def server_error(method: str, url: str, status: int) -> TargetFailed:
    return TargetFailed(f"la cible a répondu {status} (erreur du serveur) à {method} {url}")


def no_answer(method: str, url: str, failure: str | None, timeout_s: float) -> TargetFailed:
    """What the target did with a request it did not answer, in one line: `failure` is the
    browser's reason (net::ERR_EMPTY_RESPONSE, socket hang up...), None when nothing came in time."""
    if failure is None:
        return TargetFailed(f"la cible n'a pas répondu à {method} {url} en {timeout_s:g} s (timeouts.page du profil)")
    closed = "connexion refusée" if "REFUSED" in failure.upper() else "connexion fermée sans réponse"
    return TargetFailed(f"la cible n'a pas répondu à {method} {url} : {closed} ({failure})")


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

    def new_page(self, base_url: str, locators: Locators, timeout_s: float, trace: bool = False,
                 on_load=None) -> "WebPage":
        """A fresh context; with `trace`, it records a Playwright trace that `WebPage.save_trace` keeps;
        `on_load(web_page)` is called each time a page has loaded in it."""
        context = self._browser.new_context(locale="fr-FR", base_url=base_url)
        context.set_default_timeout(timeout_s * 1000)
        return WebPage(context, locators, timeout_s, trace, on_load)

    def close(self) -> None:
        """A launched browser ends; a remote one is only left: our contexts close, its server keeps running."""
        self._browser.close()
        self._playwright.stop()


class WebPage:
    """One person's browser tab, seen through the contract's locators."""

    def __init__(self, context, locators: Locators, timeout_s: float, trace: bool = False, on_load=None):
        self.context = context
        self._on_load = on_load
        self._document = None  # the response that brought the page shown
        self.timeout_s = timeout_s
        self._tracing = trace
        if trace:
            context.tracing.start(**TRACE_OPTIONS)
        self.page = context.new_page()
        self.locators = locators
        self._pressed = {}  # name → the element last pressed under that name
        self._keyboard_only = False

    def open(self, url: str) -> None:
        with self._loading():
            self.page.goto(url, wait_until="domcontentloaded")

    @contextmanager
    def _loading(self):
        """Around an action that may load a page: a server error (5xx), no answer within the page
        timeout, or a connection closed without an answer fails the step in one line (TargetFailed)
        that says so, rather than as the browser's timeout or a check that reads its error page."""
        sent, statuses = [], {}

        def asked(request):
            if request.is_navigation_request() and request.frame == self.page.main_frame:
                sent.append(request)

        def answered(response):
            statuses[response.request] = response.status
            if response.request in sent:
                self._document = response

        deadline = time.monotonic() + self.timeout_s
        self.page.on("request", asked)
        self.page.on("response", answered)
        error = None
        try:
            try:
                yield
            except PlaywrightError as raised:
                error = raised
            # The page a click asked for may still be on its way: until it comes, fails, or time is up.
            while sent and sent[-1] not in statuses and sent[-1].failure is None and time.monotonic() < deadline:
                self.page.wait_for_timeout(SETTLE_POLL_MS)
        finally:
            self.page.remove_listener("request", asked)
            self.page.remove_listener("response", answered)
        if sent:
            last, status = sent[-1], statuses.get(sent[-1])
            if status is not None and status >= 500:
                raise server_error(last.method, last.url, status)
            if status is None and last.failure != ABORTED:
                raise no_answer(last.method, last.url, last.failure, self.timeout_s)
        if error is not None:
            raise error
        if sent and self._on_load is not None:
            self._on_load(self)

    def press(self, name: str) -> None:
        """Click the button or link named `name` and let the next page load.

        A control may rename itself once used (contract §1: "Afficher" reads "Masquer" while the
        password shows): when no control bears `name` any more, the element pressed under that
        name is pressed again if it is still on the page, else the control under its new name."""
        control = self.locators.control(self.page, name)
        if control.count() == 0 and name in self._pressed:
            element = self._renamed(name)
            if element is not None:
                with self._loading():
                    element.click()
                    self.page.wait_for_load_state("domcontentloaded")
                return
        try:  # a script may still be drawing it; a control that is not there fails soon, by its name
            control.first.wait_for(state="attached", timeout=MISSING_CONTROL_WAIT_MS)
        except PlaywrightTimeoutError:
            raise AssertionError(f"la page ne montre aucun bouton ni lien « {name} »") from None
        self._pressed[name] = control.first.element_handle()
        if self._keyboard_only:
            self._focus(control, f"le bouton ou lien « {name} »")
        with self._loading():
            if self._keyboard_only:  # a locator's press waits for the navigation it starts
                control.first.press("Enter")
            else:
                control.first.click()
            self.page.wait_for_load_state("domcontentloaded")

    def _renamed(self, name: str):
        """The element pressed as `name` if still on the page, else the control under a new name
        the contract gives it; None when neither is there."""
        element = self._pressed[name]
        try:
            if element.evaluate("el => el.isConnected"):
                return element
        except PlaywrightError:  # its page is gone
            pass
        for new_name in RENAMED.get(name, ()):
            renamed = self.page.get_by_role("button", name=new_name, exact=True).or_(
                self.page.get_by_role("link", name=new_name, exact=True))
            if renamed.count():
                return renamed.first
        return None

    def name_of(self, key: str) -> str | None:
        """The name this target gives the control the guide calls `key` (None: found by CSS)."""
        return self.locators.name_of(key)

    def has_control(self, name: str) -> bool:
        return self.locators.control(self.page, name).count() > 0

    def use_keyboard_only(self) -> None:
        """From now on, reach every control with Tab and use it with the keyboard alone, as a
        person who cannot use a mouse does."""
        self._keyboard_only = True

    def _focus(self, locator, what: str) -> None:
        """Move the focus with Tab alone until `locator` has it; AssertionError if it never does."""
        target = locator.first
        for _ in range(KEYBOARD_TABS):
            if target.evaluate("el => el === document.activeElement"):
                return
            self.page.keyboard.press("Tab")
        raise AssertionError(f"{what} ne s'atteint pas au clavier : {KEYBOARD_TABS} appuis sur Tab ne lui "
                             f"donnent pas le focus")

    def fill(self, label: str, value: str) -> None:
        field = self.locators.field(self.page, label)
        if not self._keyboard_only:
            field.fill(value)
            return
        self._focus(field, f"le champ « {label} »")
        field.first.press("ControlOrMeta+A")
        field.first.press("Delete")
        field.first.press_sequentially(value)

    def check(self, label: str) -> None:
        box = self.locators.checkbox(self.page, label)
        if not self._keyboard_only:
            self._tick(box.first)
            return
        self._focus(box, f"la case « {label} »")
        if not box.first.is_checked():
            box.first.press("Space")
        assert box.first.is_checked(), f"la case « {label} » ne se coche pas avec la barre d'espace"

    def _tick(self, box) -> None:
        """Tick as a person does, on the box they see. A design system may draw the box over the input
        with its label (the DSFR does): a click there is the person's; any other element on top is not."""
        box.wait_for(state="attached")
        if box.is_checked():
            return
        box.check(force=box.evaluate(LABEL_OVER_BOX))

    def choose(self, label: str, option: str) -> None:
        field = self.locators.field(self.page, label)
        if not self._keyboard_only:
            field.select_option(label=option)
            return
        self._focus(field, f"la liste « {label} »")
        field.first.press("Home")
        for _ in range(field.first.locator("option").count()):
            if (self.selected(label) or ("", ""))[1] == option:
                return
            field.first.press("ArrowDown")
        assert (self.selected(label) or ("", ""))[1] == option, \
            f"la liste « {label} » ne propose pas « {option} » aux flèches du clavier"

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

    def refuses_paste(self, label: str) -> bool:
        """Whether the field cancels what a person pastes into it (a paste event its page prevents)."""
        return self.locators.field(self.page, label).first.evaluate(REFUSES_PASTE)

    def marked_required(self, label: str) -> bool:
        """Whether the field says it must be filled to assistive technologies (required, aria-required)."""
        return self.locators.field(self.page, label).first.evaluate(
            "field => field.required || field.getAttribute('aria-required') === 'true'")

    def autocomplete(self, label: str) -> str:
        """The field's autocomplete attribute, "" when it has none."""
        return self.locators.field(self.page, label).get_attribute("autocomplete") or ""

    def document_headers(self) -> dict[str, str]:
        """The headers of the response that brought the page shown, names in lower case."""
        return self._document.all_headers() if self._document is not None else {}

    def referrer_meta(self) -> str:
        """The referrer policy the page's own markup sets (<meta name="referrer">), "" if none."""
        return self.page.evaluate("() => document.querySelector('meta[name=referrer]')?.content || ''")

    def cookie_flags(self) -> list[dict]:
        """The cookies the browser keeps for the page shown, with their flags (Chromium's names: name,
        httpOnly, secure, and sameSite, absent when the target set none). A cookie received by the HTTP
        preparation is stored by Playwright with sameSite "Lax": only the browser's own keep the target's."""
        session = self.context.new_cdp_session(self.page)
        try:
            return session.send("Network.getCookies", {"urls": [self.page.url]})["cookies"]
        finally:
            session.detach()

    def form_entries(self, name: str, hidden: bool = False) -> tuple[str, list[tuple[str, str]]]:
        """What pressing the button `name` would send, as the browser builds it: the form's address
        and its entries; without its hidden fields (where a form keeps its anti-forgery token) unless
        `hidden`."""
        form = self.locators.control(self.page, name).first.evaluate(FORM_ENTRIES, hidden)
        return form["action"], [tuple(entry) for entry in form["entries"]]

    def language(self) -> str:
        """The language the page declares (its root's lang attribute), "" when it declares none."""
        return self.page.evaluate("() => document.documentElement.lang")

    def field_error(self, label: str) -> str | None:
        """The message tied to an invalid field (contract §1), or None when it is not invalid."""
        field = self.locators.field(self.page, label)
        if field.get_attribute("aria-invalid") != "true":
            return None
        described = field.evaluate(
            """el => (el.getAttribute('aria-describedby') || '').split(/\\s+/)
                 .map(id => id && document.getElementById(id)).filter(Boolean).map(e => e.innerText).join(' ')""")
        return " ".join(described.split())

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
        """The page-level messages only (contract §1: elements with role="alert"), those shown."""
        texts = self.locators.marker(self.page, PAGE_ERROR).evaluate_all(
            "alerts => alerts.filter(a => a.checkVisibility ? a.checkVisibility() : a.getClientRects().length)"
            ".map(a => a.innerText)")
        return [" ".join(text.split()) for text in texts if text.strip()]

    def is_masked(self, label: str) -> bool:
        return self.locators.field(self.page, label).get_attribute("type") == "password"

    def is_checked(self, label: str) -> bool:
        return self.locators.checkbox(self.page, label).is_checked()

    def options_of(self, label: str) -> list[str]:
        return [" ".join(text.split()) for text in self.locators.field(self.page, label).locator("option").all_inner_texts()]

    def options(self, label: str) -> list[tuple[str, str]]:
        """The list's options that can be chosen, as (value, label), whitespace folded."""
        return [tuple(pair) for pair in self.locators.field(self.page, label).evaluate(
            """el => Array.from(el.options || []).filter(o => !o.disabled)
                 .map(o => [o.value, o.text.replace(/\\s+/g, ' ').trim()])""")]

    def selected(self, label: str) -> tuple[str, str] | None:
        """A list's selected option as (value, label); None when the field is no <select>."""
        pair = self.locators.field(self.page, label).evaluate(
            """el => el.tagName !== 'SELECT' ? null : (o => o ? [o.value, o.text.replace(/\\s+/g, ' ').trim()]
                 : ['', ''])(el.options[el.selectedIndex])""")
        return tuple(pair) if pair else None

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

    def navigation_status(self) -> int | None:
        """The HTTP status of the document shown (the navigation's response, after any redirect);
        None when the browser cannot tell."""
        return self.page.evaluate("() => { const e = performance.getEntriesByType('navigation')[0]; "
                                  "return e && e.responseStatus ? e.responseStatus : null; }")

    def images_beside(self, label: str) -> list[dict]:
        """The images in the form of the field named `label` (or, without a form, in its nearest
        enclosing block holding one), each once loaded: tag, whether it shows, natural and shown size."""
        return self.locators.field(self.page, label).evaluate("""async field => {
            let box = field.parentElement, depth = 0;
            while (box && box !== document.body && !box.querySelector('img, canvas, svg, [role=img]')) {
                if (box.tagName === 'FORM' || ++depth > 4) { box = null; break; }
                box = box.parentElement;
            }
            if (!box || box === document.body) return [];
            const loaded = el => el.tagName !== 'IMG' ? Promise.resolve(true) : (el.complete ? Promise.resolve(true)
                : new Promise(done => { el.addEventListener('load', () => done(true));
                                        el.addEventListener('error', () => done(false)); }));
            const found = [];
            for (const el of box.querySelectorAll('img, canvas, svg, [role=img]')) {
                await loaded(el);
                const rect = el.getBoundingClientRect();
                const width = el.tagName === 'IMG' ? el.naturalWidth : (el.width?.baseVal?.value ?? el.width ?? rect.width);
                const height = el.tagName === 'IMG' ? el.naturalHeight : (el.height?.baseVal?.value ?? el.height ?? rect.height);
                found.push({tag: el.tagName, visible: rect.width > 0 && rect.height > 0
                            && getComputedStyle(el).visibility !== 'hidden', width, height,
                            shownWidth: rect.width, shownHeight: rect.height});
            }
            return found;
        }""")

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
        texts = self.locators.marker(self.page, STEP_MARKER).first.evaluate(STEPPER)
        return [" ".join(text.split()) for text in texts]

    def errors(self) -> list[str]:
        """Every error shown: page alerts, then the messages tied to invalid fields."""
        alerts = self.alerts()
        tied = self.page.locator('[aria-invalid="true"]').evaluate_all(
            """fields => fields.flatMap(f => (f.getAttribute('aria-describedby') || '').split(/\\s+/))
                 .map(id => id && document.getElementById(id)).filter(Boolean).map(e => e.innerText)"""
        )
        return [" ".join(text.split()) for text in alerts + tied if text.strip()]

    def text(self) -> str:
        return " ".join(self.page.locator("body").inner_text().split())

    def values_shown(self, labels) -> list[tuple[int, str, str]]:
        """Every value the page ties to one of `labels`, as (document position, label, value), by
        structure: <dt>/<dd>, a table's row (or a header row's column), <label> and its control,
        aria-labelledby, an element that is the label and its next sibling; else one element
        whose single line reads « label : value ». Whitespace folded; "" for a label shown alone."""
        labels = list(labels)
        exact = [rf"^{label_source(label)}\s*:?\s*\*?$" for label in labels]
        line = [rf"^{label_source(label)}\s*:\s*([\s\S]*)$" for label in labels]
        found = self.page.evaluate(VALUES_SHOWN, [exact, line])
        return [(position, labels[index], value) for position, index, value in found]

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

    def sound_of(self, name: str) -> tuple[str, bytes]:
        """The sound the control `name` gives (type and body): its link's target fetched; for a
        button, what pressing it loads as audio, plays (a player's source) or downloads. At the
        keyboard alone, the control is reached by Tab and pressed with Enter, link or button."""
        control = self.locators.control(self.page, name).first
        href = self.link_target(name)
        if href is not None and not self._keyboard_only:
            return self.fetch(href)
        heard, downloads = [], []
        listen = lambda answer: heard.append(answer.url) if answer.headers.get("content-type", "").startswith("audio/") else None
        self.page.on("response", listen)
        keep = lambda download: downloads.append(download)
        self.page.on("download", keep)
        try:
            if self._keyboard_only:
                self._focus(control, f"« {name} »")
                control.press("Enter", no_wait_after=True)
            else:
                control.click()
            played = []
            for _ in range(50):
                if heard or downloads or played:
                    break
                self.page.wait_for_timeout(100)
                played = self._playing()
        finally:
            self.page.remove_listener("response", listen)
            self.page.remove_listener("download", keep)
        if downloads:
            kind = mimetypes.guess_type(downloads[0].suggested_filename)[0] or "application/octet-stream"
            return kind, Path(downloads[0].path()).read_bytes()
        source = (heard or played or [""])[0]
        return self.fetch(urljoin(self.page.url, source)) if source else ("", b"")

    def _playing(self) -> list[str]:
        """The sources of the players that play or have played; none while a new page loads."""
        try:
            return self.page.evaluate("() => Array.from(document.querySelectorAll('audio, video'))"
                                      ".filter(m => !m.paused || m.currentTime > 0).map(m => m.currentSrc)")
        except PlaywrightError:
            return []

    def destination(self, name: str) -> tuple[str, bool]:
        """Where the control `name` leads, whatever it is (the guide does not say): the text a
        person reads there (folded), and whether it is the very page the person is on (the same
        address, or a page at the same step of the procedure).

        A link's target is fetched: a PDF gives its text, a page is opened in a new tab. A button
        or an in-page link is pressed: a new window's text, else what appeared on the page (an
        open box), else the new page's text."""
        href = self.link_target(name)
        here = self.url.split("#")[0]
        step = self.current_step_if_any()
        if href is not None:
            content_type, content = self.fetch(href)
            if content_type.startswith("application/pdf") or content.startswith(b"%PDF"):
                reader = PdfReader(io.BytesIO(content))
                return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split()), False
            other = self.context.new_page()
            try:
                other.goto(href, wait_until="domcontentloaded")
                marker = self.locators.marker(other, STEP_MARKER)
                there = " ".join(marker.first.inner_text().split()) if marker.count() else None
                same = other.url.split("#")[0] == here or (step is not None and there == step)
                return " ".join(other.locator("body").inner_text().split()), same
            finally:
                other.close()
        self.page.evaluate(f"() => {{ window.{SEEN} = new WeakSet([document.body, ...Array.from(document"
                           f".querySelectorAll('body *')).filter(el => el.checkVisibility())]); }}")
        opened: list = []

        def keep(page) -> None:
            opened.append(page)

        self.context.on("page", keep)
        try:
            self.press(name)
            appeared = self.page.evaluate(
                f"""() => window.{SEEN} === undefined ? null : Array.from(document.querySelectorAll('body *'))
                     .filter(el => el.checkVisibility() && !window.{SEEN}.has(el)
                                   && (!el.parentElement || window.{SEEN}.has(el.parentElement)))
                     .map(el => el.innerText || el.textContent).join(' ')""")
            if not opened and appeared is not None and not appeared.strip():
                try:  # a window opened by script may be announced a moment after the click
                    self.context.wait_for_event("page", timeout=POPUP_WAIT_MS)
                except PlaywrightTimeoutError:
                    pass
        finally:
            self.context.remove_listener("page", keep)
        if opened:
            opened[-1].wait_for_load_state("domcontentloaded")
            return " ".join(opened[-1].locator("body").inner_text().split()), False
        if appeared is not None:
            return " ".join(appeared.split()), False
        return self.text(), self.url.split("#")[0] == here or (step is not None and self.current_step_if_any() == step)

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

    def kind(self) -> tuple[str, str]:
        """What tells one page from another: its path and its title."""
        self.page.wait_for_load_state("domcontentloaded")
        return urlsplit(self.page.url).path, self.page.title()

    def accessibility_violations(self, tags: list[str]) -> list[dict]:
        """axe-core's violations on the page shown, for the rules bearing one of `tags`. Evaluated
        through the browser's debugging protocol, which a page's Content-Security-Policy allows."""
        self.page.evaluate(AXE_SCRIPT)
        return self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
            ".then(result => result.violations)", tags)

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
