"""Renderers of the demo web's hosts: one module per site, each with ``handle(...)``."""
