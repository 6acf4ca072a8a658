"""PostGIS logins as QGIS does them: QgsCredentials asked once per session, a server that is down said once."""

from __future__ import annotations

import pytest
from qgis.core import QgsVectorLayer

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.qgis_io.store.postgis import PostgisStore, programme_schemas
from tests.qgis.credentials_fixtures import *  # noqa: F401,F403
from tests.qgis.credentials_fixtures import server_password
from tests.qgis.postgis_fixtures import *  # noqa: F401,F403


def test_unsaved_password_is_asked_once_and_reused(answer_credentials, pg_no_password_connection, pg_schema):
    prompt = answer_credentials(server_password())
    created = PostgisStore.create(pg_no_password_connection, pg_schema)  # was: fe_sendauth: no password supplied
    assert len(prompt.requests) == 1
    realm, user, message = prompt.requests[0]
    assert "password" not in realm and user == "gebied_test"
    # The server's refusal, or nothing when an earlier login of this session showed it needs a password.
    assert "no password supplied" in message or message == ""
    again = PostgisStore.open(pg_no_password_connection, pg_schema)
    assert again.counts()["districts"] == 0
    assert pg_schema in programme_schemas(pg_no_password_connection)
    # QGIS's own postgres provider finds the login in the same cache: no second prompt for the layers.
    layer = QgsVectorLayer(created.uri("districts"), "districts", "postgres")
    assert layer.isValid()
    assert server_password() not in created.uri("districts")
    assert len(prompt.requests) == 1


def test_cancelled_prompt_is_asked_once_and_said(answer_credentials, pg_no_password_connection, pg_schema):
    prompt = answer_credentials(None)
    with pytest.raises(ProgrammeError, match="cancelled"):
        PostgisStore.open(pg_no_password_connection, pg_schema)
    assert len(prompt.requests) == 1


def test_wrong_password_is_asked_a_few_times_then_refused(answer_credentials, pg_no_password_connection, pg_schema):
    prompt = answer_credentials("not-the-password")
    with pytest.raises(ProgrammeError, match="refused the login") as raised:
        PostgisStore.open(pg_no_password_connection, pg_schema)
    assert len(prompt.requests) == 3 and "not-the-password" not in str(raised.value)
    assert "password authentication failed" in prompt.requests[1][2]


def test_server_down_is_one_clear_message_without_a_prompt(answer_credentials, pg_down_connection):
    prompt = answer_credentials(server_password())
    for attempt in (lambda: PostgisStore.open(pg_down_connection, "programme"),
                    lambda: programme_schemas(pg_down_connection)):
        with pytest.raises(ProgrammeError) as raised:
            attempt()
        text = str(raised.value)
        assert "cannot be reached" in text and pg_down_connection in text and "\n" not in text
    assert prompt.requests == []
