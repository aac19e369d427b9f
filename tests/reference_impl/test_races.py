"""Races, with real concurrent requests against the server as users run it, on SQLite and PostgreSQL:
one address gives one pending request and one e-mail, one code one space, and no request gets a 500."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from reference_impl import create_app
from reference_impl.models import ActivationRequest, Space
from tests.reference_impl.conftest import TOKEN, Visitor
from tests.reference_impl.served import HttpClient, new_database, serving


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    with new_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def served(database_url, mail_sink, tmp_path):
    with serving(database_url, mail_sink.port, TOKEN, tmp_path) as server:
        yield server.url


@pytest.fixture
def stored(database_url, settings):
    """The served database, read through the reference's own models."""
    app = create_app({**settings, "DATABASE_URL": database_url})

    def rows(model, **criteria):
        with app.app_context():
            return list(app.extensions["sqlalchemy"].session.scalars(
                app.extensions["sqlalchemy"].select(model).filter_by(**criteria)))
    return rows


def at_once(visitors, url: str, data_of) -> list[int]:
    """Every visitor posts to `url` at the same moment; their statuses. Each sends its own CSRF token,
    fetched beforehand, so that the posts are all that races."""
    forms = [{**data_of(visitor), "csrf_token": visitor.csrf_token()} for visitor in visitors]
    start = threading.Barrier(len(visitors))

    def post(pair):
        visitor, form = pair
        start.wait()
        return visitor.client.post(url, data=form).status_code

    with ThreadPoolExecutor(len(visitors)) as pool:
        return list(pool.map(post, zip(visitors, forms)))


def prepared(served, count: int, gesture) -> list[Visitor]:
    """`count` browsers, each brought by `gesture` to where the race starts."""
    visitors = [Visitor(HttpClient(served)) for _ in range(count)]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(gesture, visitors))
    return visitors


def test_one_address_validated_in_50_sessions_at_once_gives_one_request_and_one_email(served, stored, mail_sink):
    address = "meme.adresse@exemple.fr"

    def to_recap(visitor):
        visitor.accept_terms()
        visitor.identifiers(address)
        visitor.fill_profile()

    visitors = prepared(served, 50, to_recap)
    statuses = at_once(visitors, "/creation/recapitulatif", lambda _: {})
    assert not [status for status in statuses if status >= 500], statuses
    assert statuses.count(303) == 1, statuses
    assert len(stored(ActivationRequest, email_key=address)) == 1
    assert len([message for message in mail_sink.messages if message["To"] == address]) == 1


def test_one_code_entered_in_20_sessions_at_once_activates_one_space(served, stored, mail_sink):
    address = "un.seul.espace@exemple.fr"
    Visitor(HttpClient(served)).register(address)
    code = mail_sink.code_for(address)

    visitors = prepared(served, 20, lambda visitor: visitor.enter_code(code))
    statuses = at_once(visitors, "/activation/identifiants", lambda _: {"email": address})
    assert not [status for status in statuses if status >= 500], statuses
    assert statuses.count(303) == 1, statuses
    assert len(stored(Space, email_key=address)) == 1


def test_30_activations_at_once_give_30_spaces_with_distinct_subscriber_numbers(served, stored, mail_sink):
    addresses = [f"usager{index}@exemple.fr" for index in range(30)]
    for address in addresses:
        Visitor(HttpClient(served)).register(address)
    codes = iter([mail_sink.code_for(address) for address in addresses])
    visitors = [Visitor(HttpClient(served)) for _ in addresses]
    for visitor in visitors:
        visitor.enter_code(next(codes))
    typed = dict(zip(map(id, visitors), addresses))
    statuses = at_once(visitors, "/activation/identifiants", lambda visitor: {"email": typed[id(visitor)]})
    assert statuses == [303] * 30, statuses
    numbers = [space.subscriber_number for space in stored(Space)]
    assert len(numbers) == 30 and len(set(numbers)) == 30
    assert all(re.fullmatch(r"\d{14}", number) for number in numbers)
