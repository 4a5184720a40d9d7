"""Dates and times as a person reads them, in the window's language: the recent calls' list and tooltips, the
supervisor's audit trail.

Files and the command line keep ISO 8601 (ccdesk.core.audit); what a person reads names the day and month in the
window's language and orders the date as it does (2026-12-03 in English, 03/12/2026 in French). The clock is 24-hour
in both, as contact centres read it.
"""

from __future__ import annotations

import time

from ccdesk.api.words import translate


def when(at: float, now: float) -> str:
    """The time of day for today's calls; the weekday within a week; the date before that (the day and month
    names, and their order, in the window's language)."""
    then, today = time.localtime(at), time.localtime(now)
    clock = f"{then.tm_hour:02d}:{then.tm_min:02d}"
    if (then.tm_year, then.tm_yday) == (today.tm_year, today.tm_yday):
        return clock
    if 0 <= now - at < 6 * 86400:
        return translate("Time", "{weekday} {time}").format(weekday=_weekday(then.tm_wday), time=clock)
    return translate("Time", "{day} {month} {time}").format(
        day=f"{then.tm_mday:02d}", month=_month(then.tm_mon), time=clock
    )


def _weekday(number: int) -> str:
    """A weekday's short name (Monday is 0, as time.struct_time counts)."""
    return (
        translate("Time", "Mon"),
        translate("Time", "Tue"),
        translate("Time", "Wed"),
        translate("Time", "Thu"),
        translate("Time", "Fri"),
        translate("Time", "Sat"),
        translate("Time", "Sun"),
    )[number]


def _month(number: int) -> str:
    """A month's short name (January is 1)."""
    return (
        translate("Time", "Jan"),
        translate("Time", "Feb"),
        translate("Time", "Mar"),
        translate("Time", "Apr"),
        translate("Time", "May"),
        translate("Time", "Jun"),
        translate("Time", "Jul"),
        translate("Time", "Aug"),
        translate("Time", "Sep"),
        translate("Time", "Oct"),
        translate("Time", "Nov"),
        translate("Time", "Dec"),
    )[number - 1]


def date_time(at: float) -> str:
    """A full date and time for a tooltip, in the window's order (2026-12-03 in English, 03/12/2026 in French)."""
    then = time.localtime(at)
    return translate("Time", "{year}-{month}-{day} {time}").format(
        year=f"{then.tm_year:04d}",
        month=f"{then.tm_mon:02d}",
        day=f"{then.tm_mday:02d}",
        time=f"{then.tm_hour:02d}:{then.tm_min:02d}:{then.tm_sec:02d}",
    )
