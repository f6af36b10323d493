"""Reformkataloget: ét modul per forslag i kildedokumenterne (shared/seeds), hvert en
``openfisca_core.reforms.Reform``, der kan stables med de andre."""
