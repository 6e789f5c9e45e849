"""casemgr: domain and services for the labour-dispute case manager. Imports no Qt."""

__version__ = "0.1.0"
