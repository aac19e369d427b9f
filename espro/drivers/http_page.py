"""Preparation over HTTP: reach a scenario's starting state without drawing the screens it does not test.

`HttpPage` stands in for a browser tab (`WebPage`) while a `Soit` step runs. It reads each page's
HTML, finds links, buttons and fields by the same contract rules as the browser (accessible names
from labels, `aria-labelledby`, `aria-label`, wrapping labels, the profile's names and CSS), and
submits forms as a browser does (hidden fields and tokens included), through the browser
context's own request API: both share one cookie jar, so the target sees one visitor.

It hands over to the browser (`show`) by letting the tab open the last address and answering that
one navigation with the response already received, then typing again what was typed since. Whatever
it cannot do without a script (a control it does not find, a button that is no submit, a new
window), and every question about the page, it leaves to the browser after handing over.
"""

import re
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
from lxml.cssselect import CSSSelector
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from espro.drivers.browser import no_answer, server_error
from espro.drivers.locators import FIELD_ELEMENTS, label_pattern

HIDDEN = ("ancestor-or-self::*[@hidden or @aria-hidden='true' or contains(translate(@style, ' ', ''), 'display:none')"
          " or self::template or self::noscript]")
BUTTON_INPUTS = ("submit", "button", "reset", "image")
# Answer headers the handover does not replay: the body is already decoded, the cookies already kept.
DROPPED_HEADERS = {"content-length", "content-encoding", "transfer-encoding", "set-cookie"}
# How the request API says that a connection was closed or refused without an answer.
CONNECTION_LOST = re.compile(r"ECONN|socket hang up")
# Where a forged request comes from: a site that is not the target (reserved by RFC 2606).
ANOTHER_SITE = "https://site-tiers.example"


class ScriptNeeded(Exception):
    """This action needs the browser (a script, a new window, a control drawn by JavaScript)."""


def _folded(text: str) -> str:
    return " ".join(text.split())


def _is_hidden(element) -> bool:
    return bool(element.xpath(HIDDEN))


def _text(element) -> str:
    """The text an element gives an accessible name: hidden parts and scripts left out, images by their alt."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in ("script", "style", "template") \
                and not child.xpath("self::*[@hidden or @aria-hidden='true']"):
            parts.append(child.get("alt", "") if child.tag == "img" else _text(child))
        parts.append(child.tail or "")
    return " ".join(parts)


def _role(element) -> str | None:
    if not isinstance(element.tag, str):
        return None
    explicit = (element.get("role") or "").split()
    if explicit:
        return explicit[0]
    tag, kind = element.tag, (element.get("type") or "").lower()
    if tag == "button" or tag == "input" and kind in BUTTON_INPUTS or tag == "summary":
        return "button"
    if tag == "a" and element.get("href") is not None:
        return "link"
    return None


class HttpPage:
    """A tab's stand-in that moves over HTTP; `browser` is the `WebPage` it hands over to."""

    def __init__(self, browser):
        self.browser = browser
        self.locators = browser.locators
        self._request = browser.context.request
        self._response = None  # (url, status, headers, body) of the page read last, until shown
        self._document = None  # its parsed HTML; None while the browser holds the page
        self._typed: list[tuple[str, str, tuple]] = []  # (action, label, its value or none) since the page was read
        self._values: dict = {}  # field element → its value as typed, chosen or checked
        self.scripted: list[str] = []  # what was left to the browser, by name

    # What the person does

    def open(self, url: str) -> None:
        self._ask("GET", urljoin(self.url, url))

    def press(self, name: str) -> None:
        if self._document is None:
            return self.browser.press(name)
        try:
            self._press(self._control(name))
        except ScriptNeeded:
            self._in_browser("press", name)

    def fill(self, label: str, value: str) -> None:
        self._set("fill", label, value, lambda field: field.tag in ("input", "textarea")
                  and (field.get("type") or "text").lower() not in ("checkbox", "radio", "file") + BUTTON_INPUTS)

    def check(self, label: str) -> None:
        self._set("check", label, "", lambda field: field.tag == "input" and field.get("type", "").lower() == "checkbox",
                  finder=self._checkbox)

    def choose(self, label: str, option: str) -> None:
        self._set("choose", label, option, lambda field: field.tag == "select")

    def press_from_another_site(self, name: str) -> None:
        """Send what pressing `name` on the page shown sends, but as another site's page would: from
        its origin, without the form's hidden fields; then show the answer (ASVS 3.5.1's forgery)."""
        action, entries = self.browser.form_entries(name)
        self.post(action, entries, ANOTHER_SITE)

    def post(self, action: str, entries: list[tuple[str, str]], origin: str | None = None) -> None:
        """Post these entries to `action` from `origin` (the target's own by default), as a form
        would, and show the answer: a form sent again, a forged one."""
        origin = origin or "{0}://{1}".format(*urlsplit(action)[:2])
        self._ask("POST", action, data=urlencode(entries), headers={
            "Content-Type": "application/x-www-form-urlencoded", "Origin": origin, "Referer": origin + "/",
            "Sec-Fetch-Site": "same-origin" if action.startswith(origin) else "cross-site"})
        self.show()

    # What needs no page

    @property
    def url(self) -> str:
        return self._response[0] if self._response else self.browser.url

    def cookies(self) -> dict[str, str]:
        """The cookies of the page read last (the jar is the browser's)."""
        return {cookie["name"]: cookie["value"] for cookie in self.browser.context.cookies(self.url)}

    def fetch(self, url: str) -> tuple[str, bytes]:
        return self.browser.fetch(url)

    def name_of(self, key: str) -> str | None:
        return self.locators.name_of(key)

    def __getattr__(self, name):
        """Any question about the page is the browser's: it shows the page first."""
        if name.startswith("_"):
            raise AttributeError(name)
        self.show()
        return getattr(self.browser, name)

    # Handing over

    def show(self) -> None:
        """Let the browser show the page read last, and type again what was typed on it."""
        if self._response is None:
            self._document = None
            return
        url, status, headers, body = self._response
        self._response, self._document = None, None
        tab = self.browser.page
        tab.route(lambda address: address.split("#")[0] == url.split("#")[0],
                  lambda route: route.fulfill(status=status, headers=headers, body=body), times=1)
        self.browser.open(url)
        for action, label, given in self._typed:
            getattr(self.browser, action)(label, *given)
        self._typed = []

    # Reading the page

    def _ask(self, method: str, url: str, **options) -> None:
        """Ask the target for a page and read it; a server error, no answer in time or a connection
        closed without one fails the step as it does in the browser (WebPage._loading)."""
        try:
            response = (self._request.post if method == "POST" else self._request.get)(url, **options)
        except PlaywrightTimeoutError:
            raise no_answer(method, url, None, self.browser.timeout_s) from None
        except PlaywrightError as error:
            reason = re.sub(r"^APIRequestContext\.\w+: ", "", str(error).splitlines()[0])
            if not CONNECTION_LOST.search(reason):
                raise
            raise no_answer(method, url, reason, self.browser.timeout_s) from None
        if response.status >= 500:
            raise server_error(method, url, response.status)
        self._load(response)

    def _load(self, response) -> None:
        """Keep the answer, read its HTML, and fetch its images as a browser does (a target may
        draw its CAPTCHA's characters when the image is asked for)."""
        headers = {key: value for key, value in response.headers.items() if key.lower() not in DROPPED_HEADERS}
        body = response.body()
        self._response = (response.url, response.status, headers, body)
        self._typed, self._values = [], {}
        kind = response.headers.get("content-type", "")
        if "html" not in kind or not body.strip():
            self._document = None
            return
        charset = re.search(r"charset=([\w-]+)", kind)
        self._document = lxml.html.document_fromstring(body.decode(charset.group(1) if charset else "utf-8", "replace"))
        origin = urlsplit(response.url)[:2]
        for image in self._shown(self._document.iter("img")):
            source = urljoin(self._base(), image.get("src") or "")
            if image.get("src") and urlsplit(source)[:2] == origin:
                self._request.get(source)

    def _shown(self, elements) -> list:
        return [element for element in elements if not _is_hidden(element)]

    def _aria_name(self, element) -> str | None:
        """The name aria-labelledby or aria-label gives, which wins over labels and content."""
        labelled_by = [self._document.get_element_by_id(key, None) for key in (element.get("aria-labelledby") or "").split()]
        if any(node is not None for node in labelled_by):
            return _folded(" ".join(_text(node) for node in labelled_by if node is not None))
        return _folded(element.get("aria-label") or "") or None

    def _names(self, element) -> list[str]:
        """The names a field is found by (as Playwright's get_by_label): aria's, then each label's."""
        aria = self._aria_name(element)
        return ([aria] if aria else []) + [_folded(_text(label)) for label in self._labels(element)]

    def _labels(self, element) -> list:
        key = element.get("id")
        found = self._document.xpath("//label[@for=$key]", key=key) if key else []
        return found + [label for label in element.iterancestors("label") if label.get("for") in (None, key)]

    def _control_name(self, element) -> str:
        aria = self._aria_name(element)
        if aria:
            return aria
        if element.tag == "input":
            kind = (element.get("type") or "").lower()
            return _folded(element.get("alt", "") if kind == "image" else element.get("value") or
                           {"submit": "Envoyer", "reset": "Réinitialiser"}.get(kind, ""))
        return _folded(_text(element)) or _folded(element.get("title", ""))

    def _control(self, name: str):
        css, name = self.locators.override(name)
        if css is not None:
            found = self._shown(CSSSelector(css)(self._document))
        else:
            found = self._shown(element for element in self._document.iter()
                                if _role(element) in ("button", "link") and self._control_name(element) == name)
        if not found:
            raise ScriptNeeded(name)
        return found[0]

    def _field(self, label: str, finder=None):
        css, name = self.locators.override(label)
        if css is not None:
            found = self._shown(CSSSelector(css)(self._document))
        else:
            pattern = label_pattern(name)
            found = self._shown(element for element in (finder or CSSSelector(FIELD_ELEMENTS))(self._document)
                                if any(pattern.search(text) for text in self._names(element)))
        if not found:
            raise ScriptNeeded(label)
        return found[0]

    def _checkbox(self, document):
        return [element for element in document.iter() if _role(element) == "checkbox"
                or element.tag == "input" and element.get("type", "").lower() == "checkbox"]

    def _in_browser(self, action: str, name: str, *value: str) -> None:
        """What HTTP cannot do: the browser shows the page, then does it."""
        self.scripted.append(name)
        self.show()
        getattr(self.browser, action)(name, *value)

    def _set(self, action: str, label: str, value: str, plain, finder=None) -> None:
        """Type, choose or check: kept for the form's submission, and to type again once shown."""
        given = (value,) if action != "check" else ()
        if self._document is None:
            return getattr(self.browser, action)(label, *given)
        try:
            field = self._field(label, finder)
            if not plain(field) or field.get("disabled") is not None or field.get("readonly") is not None:
                raise ScriptNeeded(label)
            self._values[field] = True if action == "check" else self._option(field, value) \
                if action == "choose" else value
        except ScriptNeeded:
            return self._in_browser(action, label, *given)
        self._typed.append((action, label, given))

    @staticmethod
    def _option(select, label: str) -> str:
        for option in select.iter("option"):
            if _folded(option.text_content()) == _folded(label):
                return option.get("value", _folded(option.text_content()))
        raise ScriptNeeded(label)

    # Submitting as a browser does

    def _press(self, element) -> None:
        role, kind = _role(element), (element.get("type") or "submit").lower()
        scripted = element.get("onclick") is not None or element.get("target") not in (None, "_self")
        if role == "link" and element.tag == "a" and not scripted:
            href = element.get("href", "")
            if href.startswith(("#", "javascript:")):
                raise ScriptNeeded(href)
            return self._ask("GET", urljoin(self._base(), href))
        form = self._form_of(element)
        if element.tag not in ("button", "input") or kind not in ("submit", "image") or form is None or scripted:
            raise ScriptNeeded(self._control_name(element))
        self._submit(form, element)

    def _base(self) -> str:
        base = self._document.find(".//base[@href]")
        return urljoin(self.url, base.get("href")) if base is not None else self.url

    def _form_of(self, element):
        owner = element.get("form")
        if owner:
            return self._document.get_element_by_id(owner, None)
        return next(element.iterancestors("form"), None)

    def _submit(self, form, submitter) -> None:
        method = (submitter.get("formmethod") or form.get("method") or "get").lower()
        encoding = (submitter.get("formenctype") or form.get("enctype") or "application/x-www-form-urlencoded").lower()
        if method not in ("get", "post") or encoding != "application/x-www-form-urlencoded" \
                or form.get("onsubmit") is not None:
            raise ScriptNeeded(f"formulaire {method} {encoding}")
        action = urljoin(self._base(), submitter.get("formaction") or form.get("action") or self.url)
        entries = urlencode(self._entries(form, submitter))
        origin = "{0}://{1}".format(*urlsplit(self.url)[:2])
        if method == "get":
            parts = urlsplit(action)
            return self._ask("GET", urlunsplit(parts._replace(query=entries, fragment="")),
                             headers={"Referer": self.url})
        self._ask("POST", action, data=entries, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Origin": origin, "Referer": self.url})

    def _entries(self, form, submitter) -> list[tuple[str, str]]:
        """The form's data set (HTML's "constructing the entry list"), with what was typed."""
        key = form.get("id")
        owned = [element for element in self._document.iter("input", "select", "textarea", "button")
                 if (element.get("form") == key if element.get("form") else form in element.iterancestors("form"))]
        entries = []
        for element in owned:
            name, kind = element.get("name"), (element.get("type") or "text").lower()
            if not name or element.get("disabled") is not None or element.xpath("ancestor::fieldset[@disabled]"):
                continue
            if element.tag == "button" or element.tag == "input" and kind in BUTTON_INPUTS:
                if element is submitter:
                    entries += [(f"{name}.x", "0"), (f"{name}.y", "0")] if kind == "image" \
                        else [(name, element.get("value", ""))]
            elif element.tag == "select":
                entries += [(name, value) for value in self._selected(element)]
            elif kind in ("checkbox", "radio"):
                if self._values.get(element, element.get("checked") is not None):
                    entries.append((name, element.get("value", "on")))
            elif kind != "file":
                default = element.text_content() if element.tag == "textarea" else element.get("value", "")
                entries.append((name, re.sub(r"\r?\n", "\r\n", self._values.get(element, default))))
        return entries

    def _selected(self, select) -> list[str]:
        if select in self._values:
            return [self._values[select]]
        options = list(select.iter("option"))
        chosen = [option for option in options if option.get("selected") is not None]
        if not chosen and select.get("multiple") is None:
            chosen = [option for option in options if option.get("disabled") is None][:1]
        return [option.get("value", _folded(option.text_content())) for option in chosen]
