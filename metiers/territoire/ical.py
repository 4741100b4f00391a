"""The agenda as an iCalendar feed (RFC 5545), written with the icalendar library."""

from __future__ import annotations

from django.utils import timezone
from icalendar import Calendar, Event


def calendrier(evenements, request, titre: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Métiers en jeu//Agenda//FR")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", titre)
    host = request.get_host().split(":")[0]
    stamp = timezone.now()
    for evenement in evenements:
        event = Event()
        event.add("uid", f"evenement-{evenement.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", evenement.debut)
        event.add("dtend", evenement.fin)
        event.add("summary", evenement.title)
        event.add("location", f"{evenement.lieu}, {evenement.commune}")
        event.add("description", evenement.description)
        event.add("categories", [evenement.get_type_evenement_display()])
        event.add("url", request.build_absolute_uri(evenement.url))
        position = evenement.position()
        if position:
            event.add("geo", (position[1], position[0]))
        cal.add_component(event)
    return cal.to_ical()
