"""Passwords are masked in every spelling a message may quote; connection strings with one are recognised."""

from __future__ import annotations

import pytest

from gebiedsplugin.toolbelt.redact import MASK, has_password, redact

SECRET = "s3cr3t-Pw"


@pytest.mark.parametrize("text", [
    "host=db port=5432 dbname=gebied user=anna password={}".format(SECRET),
    "host=db password='{} with space' sslmode=disable".format(SECRET),
    'password = "{}"'.format(SECRET),
    "sslpassword={} host=db".format(SECRET),
    "postgresql://anna:{}@db:5432/gebied".format(SECRET),
    "{{'user': 'anna', 'password': '{}'}}".format(SECRET),
    'could not connect: invalid connection option "x" in "dbname=x PASSWORD={} host=y"'.format(SECRET),
])
def test_passwords_are_masked(text):
    masked = redact(text)
    assert SECRET not in masked and MASK in masked


def test_secrets_given_are_masked_wherever_they_occur_and_other_text_stays():
    assert redact("login failed for anna using {} twice: {}".format(SECRET, SECRET), SECRET) == \
        "login failed for anna using *** twice: ***"
    plain = "Cannot connect to the database host=db dbname=gebied authcfg=abc1234: timeout expired"
    assert redact(plain) == plain and redact(plain, "", None) == plain


@pytest.mark.parametrize("connection, expected", [
    ("host=db dbname=gebied password=x", True),
    ("host=db dbname=gebied password=''", True),
    ("password= host=db", True),
    ("host=db sslpassword=x", True),
    ("postgresql://anna:x@db/gebied", True),
    ("host=db dbname=gebied authcfg=abc1234", False),
    ("host=db dbname=gebied user=anna", False),
    ("Gemeente server", False),
    ("postgresql://anna@db/gebied", False),
])
def test_has_password(connection, expected):
    assert has_password(connection) is expected
