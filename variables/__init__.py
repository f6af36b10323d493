"""Lovens formler: én mappe per lov, én fil per emne."""
