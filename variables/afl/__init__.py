"""Lov om arbejdsløshedsforsikring m.v. (AFL): dagpengenes størrelse."""
