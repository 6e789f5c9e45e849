"""The PySide6 desktop application: thin widgets over ``casemgr`` services and queries."""
