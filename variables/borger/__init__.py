"""Borgerens grundoplysninger, som flere love bygger på."""
