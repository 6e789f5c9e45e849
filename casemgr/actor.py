"""Who is acting. Every service takes an ``Actor`` so permissions and audit need no globals.

It sits at the bottom of the layers (docs/architecture.md) because everything that decides
or records on someone's behalf takes it: permissions, the audit log, the deadline engine,
the services and the desktop.
"""

from __future__ import annotations

from dataclasses import dataclass

from casemgr.enums import Role


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    role: Role
    district: str | None = None

    @property
    def is_system(self) -> bool:
        return self.user_id is None


#: Used by migrations, demo data and imports started from the command line by an administrator.
SYSTEM = Actor(user_id=None, username="system", role=Role.ADMIN)
