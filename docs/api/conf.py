"""Sphinx: Python-API-referencen for openfisca_dk_beskaeftigelse, bygget ind i sitet under /api/."""

project = "openfisca-dk-beskaeftigelse"
language = "da"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon"]
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "undoc-members": False}
html_theme = "alabaster"
html_title = "openfisca-dk-beskaeftigelse: Python-API"
nitpicky = False
