"""PostgreSQL test databases: one migrated template per session, one copy per test.

``CREATE DATABASE .. TEMPLATE`` copies the migrated schema in a fraction of the time a
migration takes, and dropping the copy afterwards leaves the server as it was.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from casemgr import db

TEMPLATE = "casemgr_tpl"


def _admin(url: str):  # type: ignore[no-untyped-def]
    return create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")


def _url_for(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def template(url: str) -> Iterator[str]:
    admin = _admin(url)
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)'))
        c.execute(text(f"CREATE DATABASE \"{TEMPLATE}\" TEMPLATE template0 LOCALE 'C.UTF-8' ENCODING 'UTF8'"))
    db.upgrade(_url_for(url, TEMPLATE))
    try:
        yield TEMPLATE
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)'))
        admin.dispose()


@contextlib.contextmanager
def fresh_database(url: str, template_name: str) -> Iterator[str]:
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = _admin(url)
    try:
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"'))
        yield _url_for(url, name)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
