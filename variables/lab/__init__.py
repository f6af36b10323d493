"""Lov om en aktiv beskæftigelsesindsats (LAB)."""
