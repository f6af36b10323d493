"""Lov om aktiv socialpolitik (LAS, aktivloven): kontanthjælp, ressourceforløbsydelse, ledighedsydelse."""
