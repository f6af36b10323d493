"""Kontanthjælp: LAS § 25 til 30. juni 2025, det nye kontanthjælpssystem fra 1. juli 2025."""

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import alder_hvor
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import LAS, LAS_2023, LOV_1655_2024


def _efter_kategori(antal, kategorier):
    """Beløbet for hver persons kategori; kategorierne er (maske, sats) og udelukker hinanden.

    En sats bruges kun, hvis nogen person er i kategorien: en sats, kilderne ikke dækker
    (``value: null``), giver derfor kun fejl for de personer, der har brug for den.
    """
    beloeb = numpy.zeros(antal)
    for maske, sats in kategorier:
        if maske.any():
            beloeb = numpy.where(maske, sats, beloeb)
    return beloeb


class opfylder_opholds_og_beskaeftigelseskrav(Variable):
    value_type = bool
    default_value = True
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Opfylder opholds- og beskæftigelseskravet for kontanthjælp"
    reference = LAS.paragraf("§ 11, stk. 3") + LOV_1655_2024.paragraf("§ 1")
    documentation = (
        "Fra 1. juli 2025 får personer, der ikke opfylder opholds- og beskæftigelseskravet, "
        "mindstesatsen. Standard: opfyldt. Paragrafhenvisningen (§ 11, stk. 3) er ikke "
        "verificeret."
    )


class har_beskaeftigelse_2_5_aar_seneste_10_aar(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Har haft ordinært fuldtidsarbejde svarende til 2½ år inden for de seneste 10 år"
    reference = LAS.paragraf("§§ 16-20") + LOV_1655_2024.paragraf("§ 1")
    documentation = (
        "Giver unge på 25-29 år den forhøjede sats i det nye kontanthjælpssystem (fra 1. juli 2025)."
    )


class Kontanthjaelpssats(Enum):
    ingen = "Ingen kontanthjælp"
    gammel_ordning = "Sats efter LAS § 25 (til 30. juni 2025)"
    mindstesats = "Mindstesats"
    grundsats = "Grundsats"
    forhoejet_sats = "Forhøjet sats"
    hjemmeboende_sats = "Sats for hjemmeboende under 30 år"


class kontanthjaelp_modtager(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Modtager kontanthjælp"
    reference = LAS_2023.paragraf("§ 25") + LAS.paragraf("§§ 16-20")
    documentation = (
        "Til 30. juni 2025: ydelsen er kontanthjælp (uddannelseshjælp og overgangsydelse "
        "har egne satser, som ikke er modelleret her). Fra 1. juli 2025 er uddannelseshjælp "
        "og overgangsydelse lagt sammen med kontanthjælpen (lov nr. 1655/2024), så alle tre "
        "ydelser giver kontanthjælp."
    )

    def formula_2020_01_01(person, period, parameters):
        """Til 30.6.2025: kun ydelsen kontanthjælp (LAS § 25)."""
        ydelse = person("ydelse", period)
        return ydelse == ydelse.possible_values.kontanthjaelp

    def formula_2025_07_01(person, period, parameters):
        """Fra 1.7.2025 (lov nr. 1655/2024): kontanthjælp, uddannelseshjælp og overgangsydelse."""
        ydelse = person("ydelse", period)
        y = ydelse.possible_values
        return (ydelse == y.kontanthjaelp) | (ydelse == y.uddannelseshjaelp) | (ydelse == y.overgangsydelse)


class kontanthjaelp_satstype(Variable):
    value_type = Enum
    possible_values = Kontanthjaelpssats
    default_value = Kontanthjaelpssats.ingen
    entity = Person
    definition_period = MONTH
    label = "Kontanthjælpens sats"
    reference = LAS_2023.paragraf("§ 25") + LAS.paragraf("§§ 16-20") + LOV_1655_2024.paragraf("§ 1")
    documentation = (
        "Fra 1. juli 2025: mindstesats, hvis opholds- og beskæftigelseskravet ikke er "
        "opfyldt; ellers sats for hjemmeboende under 30 år uden forsørgerpligt; ellers "
        "forhøjet sats for personer fyldt 30 år og for 25-29-årige med 2½ års beskæftigelse; "
        "ellers grundsats. Rækkefølgen mellem hjemmeboende og forhøjet sats for 25-29-årige "
        "med beskæftigelse er ikke verificeret (lav sikkerhed)."
    )

    def formula_2020_01_01(person, period, parameters):
        """Til 30.6.2025: satserne efter LAS § 25 (det gamle system)."""
        return numpy.where(
            person("kontanthjaelp_modtager", period),
            Kontanthjaelpssats.gammel_ordning,
            Kontanthjaelpssats.ingen,
        )

    def formula_2025_07_01(person, period, parameters):
        """Fra 1.7.2025 (lov nr. 1655/2024): mindstesats, hjemmeboende-, forhøjet eller grundsats."""
        ny = parameters(period).aktivloven.kontanthjaelp.ny_ordning
        modtager = person("kontanthjaelp_modtager", period)
        alder = alder_hvor(person, period, modtager, "kontanthjaelp_satstype")
        mindstesats = ~person("opfylder_opholds_og_beskaeftigelseskrav", period)
        hjemmeboende = (
            person("er_hjemmeboende", period)
            & ~person("har_forsoergerpligt", period)
            & (alder < ny.aldersgraense_forhoejet_sats)
        )
        forhoejet = (alder >= ny.aldersgraense_forhoejet_sats) | (
            (alder >= ny.aldersgraense_forhoejet_sats_med_beskaeftigelse)
            & person("har_beskaeftigelse_2_5_aar_seneste_10_aar", period)
        )
        return numpy.select(
            [~modtager, mindstesats, hjemmeboende, forhoejet],
            [
                Kontanthjaelpssats.ingen,
                Kontanthjaelpssats.mindstesats,
                Kontanthjaelpssats.hjemmeboende_sats,
                Kontanthjaelpssats.forhoejet_sats,
            ],
            Kontanthjaelpssats.grundsats,
        )


class kontanthjaelp_sats(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Kontanthjælpens grundbeløb (sats uden tillæg), kr. pr. måned"
    reference = LAS_2023.paragraf("§ 25, stk. 2-3") + LAS.paragraf("§§ 16-20")
    documentation = (
        "Til 30. juni 2025 (LAS § 25): fyldt 30 år forsørger / andre (stk. 2, nr. 1-2); "
        "under 30 år enlig forsørger (stk. 3, nr. 1), anden forsørger (nr. 2), hjemmeboende "
        "(nr. 7 og 9), udeboende (nr. 6 og 8). Gravide og psykisk syge under 30 år (nr. 3-5), "
        "bidragspligtige og kontanthjælpsloftet er ikke modelleret. Fra 1. juli 2025: satsen "
        "efter kontanthjaelp_satstype. En sats, kilderne ikke dækker, giver fejl for netop "
        "de personer, der har brug for den."
    )

    def formula_2020_01_01(person, period, parameters):
        """Til 30.6.2025: satsen efter LAS § 25, stk. 2-3, efter alder, forsørgelse og bolig."""
        gammel = parameters(period).aktivloven.kontanthjaelp.gammel_ordning
        modtager = person("kontanthjaelp_modtager", period)
        alder = alder_hvor(person, period, modtager, "kontanthjaelp_sats")
        forsoerger = person("har_forsoergerpligt", period)
        fyldt_30 = modtager & (alder >= gammel.aldersgraense)
        under_30 = modtager & (alder < gammel.aldersgraense)
        enlig_forsoerger = under_30 & forsoerger & person("er_enlig", period)
        anden_forsoerger = under_30 & forsoerger & ~enlig_forsoerger
        hjemmeboende = under_30 & ~forsoerger & person("er_hjemmeboende", period)
        udeboende = under_30 & ~forsoerger & ~hjemmeboende
        return _efter_kategori(
            person.count,
            [
                (fyldt_30 & forsoerger, gammel.fyldt_30_forsoerger),  # § 25, stk. 2, nr. 1
                (fyldt_30 & ~forsoerger, gammel.fyldt_30_andre),  # § 25, stk. 2, nr. 2
                (enlig_forsoerger, gammel.under_30_enlig_forsoerger),  # § 25, stk. 3, nr. 1
                (anden_forsoerger, gammel.under_30_forsoerger),  # § 25, stk. 3, nr. 2
                (hjemmeboende, gammel.under_30_hjemmeboende),  # § 25, stk. 3, nr. 7 og 9
                (udeboende, gammel.under_30_udeboende),  # § 25, stk. 3, nr. 6 og 8
            ],
        )

    def formula_2025_07_01(person, period, parameters):
        """Fra 1.7.2025 (lov nr. 1655/2024): satsen for personens satstype."""
        ny = parameters(period).aktivloven.kontanthjaelp.ny_ordning
        satstype = person("kontanthjaelp_satstype", period)
        s = satstype.possible_values
        return _efter_kategori(
            person.count,
            [
                (satstype == s.mindstesats, ny.mindstesats),
                (satstype == s.grundsats, ny.grundsats),
                (satstype == s.forhoejet_sats, ny.forhoejet_sats),
                (satstype == s.hjemmeboende_sats, ny.hjemmeboende_sats),
            ],
        )


class kontanthjaelp_tillaeg(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Tillæg til kontanthjælpen, kr. pr. måned"
    reference = LAS.paragraf("§§ 16-20", "§ 19, stk. 1 og 3") + LOV_1655_2024.paragraf("§ 1")
    documentation = (
        "Fra 1. juli 2025: børnetillæg til forsørgere; tillæg til enlige forsørgere på "
        "mindstesats eller grundsats; tillæg til enlige ikke-forsørgere på grundsats eller "
        "forhøjet sats; særligt ungetillæg (§ 19) på grundsats kun til personer under 30 år, "
        "som kommunen har visiteret aktivitetsparate (§ 19, stk. 1): 18-24-årige og 25-29-årige "
        "ikke-forsørgere og forsørgere under 30 år (stk. 3, nr. 1-3); jobparate får det ikke. "
        "Hvilke satser hvert tillæg knytter sig til, er fra en kommunes oversigt (lav-medium "
        "sikkerhed; § 19, stk. 1 henviser til § 16, stk. 1, nr. 1 og 3, som ikke er kontrolleret). "
        "Forrevalidender (§ 19, stk. 2), det midlertidige tilpasningstillæg og fritidstillægget er "
        "ikke modelleret. Før 1. juli 2025 findes tillæggene ikke, heller ikke det særlige "
        "ungetillæg (0; det gamle systems aktivitetstillæg, LAS § 25, stk. 9, er ikke modelleret)."
    )

    def formula_2025_07_01(person, period, parameters):
        """Fra 1.7.2025 (lov nr. 1655/2024): tillæggene i det nye system; før da ingen."""
        ny = parameters(period).aktivloven.kontanthjaelp.ny_ordning
        tillaeg = ny.tillaeg
        satstype = person("kontanthjaelp_satstype", period)
        s = satstype.possible_values
        modtager = satstype != s.ingen
        alder = alder_hvor(person, period, modtager, "kontanthjaelp_tillaeg")
        forsoerger = modtager & person("har_forsoergerpligt", period)
        enlig = modtager & person("er_enlig", period)
        grundsats = satstype == s.grundsats
        parathed = person("parathed", period)
        aktivitetsparat = parathed == parathed.possible_values.aktivitetsparat
        boernetillaeg = numpy.where(forsoerger, tillaeg.boernetillaeg, 0)
        enlig_forsoerger = numpy.where(
            enlig & forsoerger & ((satstype == s.mindstesats) | grundsats), tillaeg.enlig_forsoerger, 0
        )
        enlig_ikke_forsoerger = numpy.where(
            enlig & ~forsoerger & (grundsats | (satstype == s.forhoejet_sats)),
            tillaeg.enlig_ikke_forsoerger,
            0,
        )
        # § 19, stk. 1: kun under 30 år og visiteret aktivitetsparat, i alle tre grupper i stk. 3.
        ungetillaeg_ret = grundsats & aktivitetsparat & (alder < ny.aldersgraense_forhoejet_sats)
        ungetillaeg = numpy.select(
            [
                ungetillaeg_ret & forsoerger,
                ungetillaeg_ret & ~forsoerger & (alder >= tillaeg.ungetillaeg_aldersgraense_25),
                ungetillaeg_ret & ~forsoerger & (alder >= tillaeg.ungetillaeg_mindstealder),
            ],
            [
                tillaeg.saerligt_ungetillaeg_forsoerger,
                tillaeg.saerligt_ungetillaeg_25_29,
                tillaeg.saerligt_ungetillaeg_under_25,
            ],
            0,
        )
        return boernetillaeg + enlig_forsoerger + enlig_ikke_forsoerger + ungetillaeg


class kontanthjaelp_maanedsbeloeb(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    unit = "currency-DKK"
    label = "Kontanthjælp i alt før fradrag, kr. pr. måned"
    reference = LAS_2023.paragraf("§ 25") + LAS.paragraf("§§ 16-20")
    documentation = (
        "Sats plus tillæg, før fradrag for indtægt og formue (fradrag, sanktioner, "
        "kontanthjælpsloft og 225-timersregel er ikke modelleret). Det gamle system gælder "
        "til 30. juni 2025, det nye fra 1. juli 2025."
    )

    def formula(person, period, parameters):
        return person("kontanthjaelp_sats", period) + person("kontanthjaelp_tillaeg", period)
