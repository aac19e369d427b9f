"""French renderings of dates and times, in the time zone of the procedure."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def french_date(moment: datetime) -> str:
    """« 20 février 2026 »."""
    local = moment.astimezone(PARIS)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}"


def document_timestamp(moment: datetime) -> str:
    """« 25/02/2026 à 14h29mn59s », as printed at the foot of the recap PDF."""
    local = moment.astimezone(PARIS)
    return local.strftime("%d/%m/%Y à %Hh%Mmn%Ss")
