"""The site as the workbook describes it, by natural keys (no ids), to compare two databases."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.models import Building, Camera, Grid, Household, Person, Sensor
from app.site_book.common import exported_coordinate
from app.site_keys import CameraPasswords


def _place(lon: float | None, lat: float | None) -> tuple:
    """At the workbook's precision (about 1 cm)."""
    return exported_coordinate(lon), exported_coordinate(lat)


def site_snapshot(db) -> dict:
    """Buildings, people with their duties, cameras with their passwords opened, sensors with their
    household's address."""
    with db.session() as session:
        code = dict(session.execute(select(Grid.id, Grid.code)).all())
        buildings = {
            (b.address, b.name, code[b.grid_id], b.floors, b.units, _place(b.lon, b.lat))
            for b in session.scalars(select(Building))
        }
        people = {
            (p.phone, p.name, p.title, p.party_member, frozenset((code[d.grid_id], d.role) for d in p.duties))
            for p in session.scalars(select(Person).options(selectinload(Person.duties)))
        }
        keys = CameraPasswords.of_site(session)
        cameras = {
            (
                c.name,
                code[c.grid_id],
                _place(c.lon, c.lat),
                c.bearing,
                c.main_url,
                c.sub_url,
                c.username,
                c.ai_enabled,
            )
            + (keys.open(c.password_sealed, c.id) if c.password_sealed else None,)
            for c in session.scalars(select(Camera))
        }
        homes = {
            h.id: h.address
            for h in session.scalars(select(Household).options(selectinload(Household.building)))
        }
        sensors = {
            (s.device_code, s.protocol, s.kind, s.name, code[s.grid_id], homes.get(s.household_id))
            for s in session.scalars(select(Sensor))
        }
    return {"buildings": buildings, "people": people, "cameras": cameras, "sensors": sensors}
