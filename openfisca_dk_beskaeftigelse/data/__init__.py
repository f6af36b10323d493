"""Data til den syntetiske befolkning (offentliggjorte tal med kilder)."""
