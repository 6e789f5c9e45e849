"""Use cases. The only writers of the database; each call runs inside the caller's transaction."""
