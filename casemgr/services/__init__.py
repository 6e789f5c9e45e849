"""Use cases. The only writers of the database; each call runs inside the caller's transaction."""

# Importing the services registers the hook that re-scores an employer's arrears risk after
# each write touching its record (issue 17).
from casemgr.services import risk as _risk  # noqa: F401
