"""The dateline that opens English news copy: "Beirut - ", "Tripoli - (Agencies) - ",
"Tubas 24-6-2025 WAFA- ", "Amman- ", "Outlet/ City - ",
"Mogadishu (Outlet) – ", "Baghdad-INA ", "Damascus/ ", "Outlet Net| City: ", and a quoted outlet
name between the place and a dash or colon ('Aden "Al-Ayyam" exclusive: ', 'Gaza - "Al-Quds" dot
com - ')."""

from __future__ import annotations

import re

_DATELINE = re.compile(
    # Aden "Outlet" exclusive: / Gaza - "Outlet" dot com - (a name: no comma, no full stop)
    r"^(?:[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2} (?:[-–—] )?[\"“«][A-Z][^\"”»,.]{1,38}[\"”»]"
    r"(?: [a-z]\w*){0,2} ?[-–—:] "
    r"|[A-Z][\w' .-]{0,40}? [-–—] (\([^)]{1,30}\) [-–—] )?|[A-Z][\w' .]{0,30}/\s*"
    r"|[A-Z][\w' .-]{0,40}? \([^)]{1,40}\) [-–—] "  # Mogadishu (Outlet) –
    r"|[A-Z][a-z]{2,20}-[A-Z]{2,6} "  # Baghdad-INA
    r"|[A-Z][a-z]{2,20}[-–—] (?=[A-Z])"  # Amman- The court ...
    # Tubas 24-6-2025 WAFA-
    r"|[A-Z][\w'-]*(?: [A-Z][\w'-]*)? \d{1,2}[-/.]\d{1,2}[-/.]\d{2,4} ?[A-Z]{2,10} ?[-–—] ?"
    r"|[A-Z][\w' .-]{0,30}\|\s*[A-Z][\w' .-]{0,30}:\s)"  # Outlet Net| City:
)


def english_dateline(text: str) -> re.Match[str] | None:
    """The dateline opening `text`, if any."""
    return _DATELINE.match(text)


def without_dateline(text: str) -> str:
    """`text` after its dateline, its first letter upper-cased; a dateline of the outlet then
    the place ("Alsumaria News/ Baghdad - ") goes whole."""
    rest = text
    for _ in range(2):
        found = _DATELINE.match(rest)
        if not found or found.end() >= len(rest):
            break
        rest = rest[found.end() :]
    return rest[:1].upper() + rest[1:]
