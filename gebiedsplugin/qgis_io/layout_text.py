"""User text in layout labels, printed as written.

A QgsLayoutItemLabel replaces ``$CURRENT_DATE(...)`` in its text and then evaluates every
``[% ... %]`` (there is no switch for either in QGIS 3.22), so a district named ``Wijk [% 6*7 %]``
would print "Wijk 42". Labels therefore get user text (district and programme names, scope ids)
as an expression string literal inside ``[% ... %]``, whose value is printed and never evaluated
again. The literal is cut after every ``%`` and ``$`` (``'a %' || '] b'``): the label ends an
expression at the first ``%]`` even inside a string, and replaces ``$CURRENT_DATE`` before it
evaluates anything.
"""

from __future__ import annotations

import re

from qgis.core import QgsExpression

_CUT = re.compile(r"([%$])")


def expression_literal(text) -> str:
    """*text* as a QGIS expression string literal that is safe inside a label's ``[% ... %]``."""
    return _CUT.sub(r"\1' || '", QgsExpression.quotedString(str(text)))


def label_literal(text) -> str:
    """Label text that prints *text* exactly as written."""
    return "[% " + expression_literal(text) + " %]"
