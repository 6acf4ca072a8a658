"""Both stores implement store.protocol.ProgrammeStore, member by member, so they cannot drift."""

from __future__ import annotations

import inspect

import pytest

from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.postgis import PostgisStore
from gebiedsplugin.qgis_io.store.protocol import BACKEND_ONLY, LOCATION, ProgrammeStore
from tests.qgis.stores_fixtures import *  # noqa: F401,F403

CLASSES = {"gpkg": GpkgStore, "postgis": PostgisStore}
CONSTRUCTORS = ("open", "create")
OPTION_ONLY = {"gpkg": (), "postgis": ("user",)}  # the database login's planner name (GeoPackage: per save)


def _members(cls) -> dict:
    """Public members a class defines itself or inherits (not object's)."""
    out = {}
    for klass in reversed(cls.__mro__[:-1]):
        out.update({k: v for k, v in vars(klass).items() if not k.startswith("_")})
    return out


PROTOCOL = _members(ProgrammeStore)
ATTRIBUTES = set(ProgrammeStore.__annotations__)


def _signature(member) -> inspect.Signature:
    if isinstance(member, property):
        member = member.fget
    return inspect.signature(member)


@pytest.mark.parametrize("kind", CLASSES)
def test_every_protocol_member_with_the_same_signature(kind):
    cls = CLASSES[kind]
    members = _members(cls)
    for name, wanted in PROTOCOL.items():
        assert name in members, "{} lacks {}".format(cls.__name__, name)
        have = members[name]
        if isinstance(wanted, property):
            assert isinstance(have, property), "{}.{} should be a property".format(cls.__name__, name)
        assert callable(have) or isinstance(have, property), "{}.{}".format(cls.__name__, name)
        assert _signature(have) == _signature(wanted), "{}.{}{} != protocol {}".format(
            cls.__name__, name, _signature(have), _signature(wanted))
    for name in ("kind", "provider"):  # class attributes; path is set per instance
        assert isinstance(members.get(name), str), "{}.{}".format(cls.__name__, name)


@pytest.mark.parametrize("kind", CLASSES)
def test_no_public_name_outside_the_protocol(kind):
    cls = CLASSES[kind]
    extra = set(_members(cls)) - set(PROTOCOL) - ATTRIBUTES - set(CONSTRUCTORS) - BACKEND_ONLY[kind]
    assert not extra, "{} has public {} that ProgrammeStore does not list".format(cls.__name__, sorted(extra))


@pytest.mark.parametrize("name", CONSTRUCTORS)
def test_open_and_create_take_the_same_options_after_the_location(name):
    options = {}
    for kind, cls in CLASSES.items():
        member = inspect.getattr_static(cls, name)
        assert isinstance(member, classmethod), "{}.{} should be a classmethod".format(cls.__name__, name)
        params = list(inspect.signature(getattr(cls, name)).parameters.values())
        location = tuple(p.name for p in params[:len(LOCATION[kind])])
        assert location == LOCATION[kind], (cls.__name__, name, location)
        options[kind] = [p for p in params[len(LOCATION[kind]):] if p.name not in OPTION_ONLY[kind]]
    assert options["gpkg"] == options["postgis"], options


def test_an_opened_store_of_either_kind_is_a_programme_store(programme_store, store_kind):
    assert isinstance(programme_store, ProgrammeStore)
    assert programme_store.kind == store_kind and isinstance(programme_store.path, str)
    public = {k for k in vars(programme_store) if not k.startswith("_")}
    assert public <= ATTRIBUTES | BACKEND_ONLY[store_kind], public
