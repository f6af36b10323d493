"""Lov om sygedagpenge (SDL) og sygeopfølgningen."""
