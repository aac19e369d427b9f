"""Realistic French test data (Faker fr_FR), replayable from a seed, unique per scenario."""

import hashlib
import secrets
import unicodedata
from dataclasses import dataclass, replace

from faker import Faker

TRUST_QUESTION = "Quel est le prénom de votre conjoint(e) ?"
MAIL_DOMAIN = "example.com"


@dataclass(frozen=True)
class Applicant:
    """Everything one person types during the procedure."""

    last_name: str
    first_name: str
    phone: str
    email: str
    password: str
    street_number: str
    street_type: str
    street_name: str
    address_complement: str
    postcode: str
    city: str
    country: str
    trust_question: str
    trust_answer: str

    def with_changes(self, **changes) -> "Applicant":
        return replace(self, **changes)

    @property
    def full_address(self) -> str:
        """The address as the recap PDF assembles it (guide §4)."""
        parts = [self.street_number, self.street_type, self.street_name, self.address_complement,
                 self.postcode, self.city, self.country]
        return " ".join(part for part in parts if part)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(char for char in folded.lower() if char.isalnum())


def scenario_seed(run_seed: int, scenario_id: str) -> int:
    """One seed per scenario, whatever the order or the worker that runs it."""
    digest = hashlib.sha256(f"{run_seed}:{scenario_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def new_applicant(seed: int) -> Applicant:
    """A fresh applicant. Names and address replay from the seed; the e-mail gets a random
    suffix so that replaying a run never collides with the addresses it already used."""
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    first_name, last_name = fake.first_name(), fake.last_name()
    return Applicant(
        last_name=last_name.upper(),
        first_name=first_name,
        phone="0" + str(fake.random_element("1234569")) + fake.numerify("########"),
        email=f"{_ascii(first_name)}.{_ascii(last_name)}.{secrets.token_hex(4)}@{MAIL_DOMAIN}",
        password=fake.password(length=24, special_chars=False, digits=True, upper_case=True, lower_case=True),
        street_number=str(fake.random_int(1, 150)),
        street_type=fake.street_prefix().lower(),
        street_name=fake.last_name(),
        address_complement="",
        postcode=fake.postcode(),
        city=fake.city().upper(),
        country="FRANCE",
        trust_question=TRUST_QUESTION,
        trust_answer=fake.first_name(),
    )


def email_of_length(applicant: Applicant, length: int) -> str:
    """A valid, unique address of exactly `length` characters: the local part grows up to
    64 characters, then a sub-domain takes the rest."""
    local = applicant.email.split("@")[0]
    missing = length - len(local) - 1 - len(MAIL_DOMAIN)
    if missing < 0:
        raise ValueError(f"une adresse de {length} caractères est trop courte pour rester unique")
    subdomain = max(0, missing - (64 - len(local)))
    subdomain = 2 if subdomain == 1 else subdomain
    prefix = "d" * (subdomain - 1) + "." if subdomain else ""
    return f"{local}{'x' * (missing - subdomain)}@{prefix}{MAIL_DOMAIN}"


PASSWORD_KINDS = {
    "lettres et chiffres": "aZ7",
    "lettres seulement": "aZb",
    "chiffres seulement": "739",
    "lettres, chiffres et ponctuation": "aZ7'",
    "lettres accentuées et chiffres": "éÀ7",
    "minuscules et chiffres": "a7",
}


def changed_character(password: str) -> str:
    """The same password but for its last character: a wrong one a person may type."""
    return password[:-1] + ("8" if password[-1] != "8" else "9")


def password_of(kind: str, length: int, with_space: bool = False) -> str:
    """A password of `length` characters made of the characters `kind` names."""
    alphabet = PASSWORD_KINDS[kind]
    body = "".join(alphabet[index % len(alphabet)] for index in range(length))
    return body[:length // 2] + " " + body[length // 2 + 1:] if with_space else body
