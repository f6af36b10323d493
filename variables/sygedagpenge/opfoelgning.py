"""Kommunens opfølgning i sygedagpengesager (SDL §§ 7 c, 7 e, 11 a-11 c, 12-13 f).

Visitation, første samtale, antal samtaler, samtaleform, fast track og lægeattest.

Reglerne ændres 1.1.2020 (lov nr. 551/2019 og 1555/2019), 1.1.2022 (lov nr. 2590/2021),
22.3.2023 (lov nr. 295/2023), 1.1.2025 (lov nr. 1657/2024) og 1.7.2026 (lov nr. 1750/2025;
datoen for netop opfølgningsdelen er ikke verificeret, se parameteren min_samtaler).
Modellen regner i måneder: en regel, der træder i kraft midt i en måned, gælder fra den
følgende måned (formlen vælges efter månedens første dag).
"""

from datetime import date

import numpy
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import (
    INGEN_DATO,
    maaned_slut,
    maaned_start,
    plus_dage,
    plus_maaneder,
    plus_uger,
)
from openfisca_dk_beskaeftigelse.entities import Person
from openfisca_dk_beskaeftigelse.love import (
    LOV_295_2023,
    LOV_551_2019,
    LOV_1555_2019,
    LOV_1657_2024,
    LOV_1750_2025,
    LOV_2590_2021,
    SDL,
)

INGEN = numpy.datetime64(INGEN_DATO, "D")


def _forventet_tilbage_senest(person, period, senest):
    """Fuld tilbagevenden forventes senest ``senest`` og ikke før måneden, hvor sagen stadig består.

    Ingen prognose tæller som 'ikke forventet'; en prognose, der er passeret, er ikke holdt.
    """
    forventet = person("forventet_raskmelding_dato", period)
    return (forventet != INGEN) & (forventet >= maaned_start(period)) & (forventet <= senest)


def _forventet_tilbage_inden(person, period, uger):
    """Fuld tilbagevenden forventes inden ``uger`` fra første fraværsdag, og de er ikke gået endnu.

    "Endnu" er ved månedens udgang. Holder forventningen ikke (ugerne er gået, og sagen består),
    følges sagen op som de øvrige (§ 13 a, stk. 1).
    """
    graense = plus_uger(person("sygemelding_startdato", period), uger)
    return _forventet_tilbage_senest(person, period, graense) & (maaned_slut(period) < graense)


def _kategori_1(person, period, parameters):
    """§ 12, stk. 1, nr. 1: forventet tilbage inden 8 uger, og de 8 uger er ikke gået ved månedens udgang."""
    return _forventet_tilbage_inden(
        person, period, parameters(period).sygedagpenge.opfoelgning.kategori_1_uger
    )


def _loenmodtager(person, period):
    beskaeftigelse = person("beskaeftigelse", period)
    return beskaeftigelse == beskaeftigelse.possible_values.loenmodtager


def _frist(person, period, parameters):
    """§ 13 b, stk. 1-2: udgangen af 8. uge, eller 2 uger efter en anmodning om fast track, hvis før."""
    opfoelgning = parameters(period).sygedagpenge.opfoelgning
    uge_8 = plus_dage(
        plus_uger(person("sygemelding_startdato", period), opfoelgning.foerste_samtale_uger), -1
    )
    anmodet = person("fast_track_anmodning_virker", period)
    fast_track = plus_uger(anmodet, opfoelgning.fast_track_samtale_uger)
    return numpy.where(anmodet != INGEN, numpy.minimum(uge_8, fast_track), uge_8)


class behov_for_tvaerfaglig_indsats(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Har udfordringer ud over helbredet og behov for en tværfaglig indsats"
    reference = SDL.paragraf("§ 12, stk. 1, nr. 3", "§ 13 c") + LOV_1657_2024.paragraf("§ 2")
    documentation = (
        "Kommunens vurdering af, at den sygemeldte ud over helbredet har andre udfordringer og "
        "behov for en tværfaglig indsats. Til og med 2024 giver det kategori 3 (og "
        "rehabiliteringsteam); fra 2025 afgør det, om en sag om jobafklaringsforløb forelægges "
        "rehabiliteringsteamet."
    )


class tidlig_opfoelgning_anmodet_dato(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Dato for anmodning om tidlig opfølgning (fast track)"
    reference = SDL.paragraf("§ 7 c", "§ 7 e", "§ 13 b, stk. 2-3")
    documentation = (
        "Datoen, hvor arbejdsgiveren (§ 7 c) eller den sygemeldte (§ 7 e) anmodede kommunen om "
        "tidlig opfølgning. Modsætter den sygemeldte sig arbejdsgiverens anmodning (§ 13 b, stk. 3), "
        "oplyses ingen dato. Ikke oplyst = 0001-01-01 = ingen anmodning."
    )


class fast_track_anmodning_virker(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Anmodning om tidlig opfølgning (fast track), som fremrykker den første samtale"
    reference = SDL.paragraf("§ 7 c", "§ 7 e", "§ 13 b, stk. 2")
    documentation = (
        "Datoen for anmodningen (tidlig_opfoelgning_anmodet_dato), som ordningen om tidlig opfølgning "
        "giver virkning: kommunen skal holde den første samtale senest 2 uger efter, så længe "
        "ordningen gælder (parameteren fast_track_gaelder). En reform, der afskaffer fast track, "
        "ændrer parameteren; inputtet forbliver borgerens oplysning."
    )

    def formula(person, period, parameters):
        ordning = parameters(period).sygedagpenge.opfoelgning.fast_track_gaelder
        return numpy.where(ordning, person("tidlig_opfoelgning_anmodet_dato", period), INGEN)


class sygedagpengesag(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = (
        "Har en sygedagpengesag i måneden (løn/sygedagpenge fra arbejdsgiveren eller ret over for kommunen)"
    )
    reference = SDL.paragraf("§ 8", "§ 30", "§ 32")
    documentation = (
        "Den sygemeldte får sygedagpenge eller løn under sygdom: arbejdsgiverperioden dækker "
        "måneden, eller den sygemeldte har ret over for kommunen, og sygedagpengene er ikke ophørt "
        "før måneden. Kommunens opfølgning gælder disse sager."
    )

    def formula(person, period):
        ophoer = person("sygedagpenge_ophoersdato", period)
        ikke_ophoert = (ophoer == INGEN) | (ophoer >= maaned_start(period))
        return person("sygemeldt", period) & (
            person("sygedagpenge_ret_arbejdsgiver", period)
            | (person("sygedagpenge_ret_kommune", period) & ikke_ophoert)
        )


class Visitationskategori(Enum):
    ingen = "Ingen sygedagpengesag"
    kategori_1 = "Kategori 1: fuld tilbagevenden forventet inden for 8 uger"
    kategori_2 = "Kategori 2: fravær ud over 8 uger"
    kategori_3 = "Kategori 3: fravær ud over 8 uger og behov for tværfaglig indsats (til og med 2024)"
    ikke_visiteret = "Sygedagpengesag uden visitationskategori (lov nr. 1750/2025)"


class opfoelgning_visitationskategori(Variable):
    value_type = Enum
    possible_values = Visitationskategori
    default_value = Visitationskategori.ingen
    entity = Person
    definition_period = MONTH
    label = "Visitationskategori i sygedagpengesagen"
    reference = (
        SDL.paragraf("§ 12, stk. 1-3")
        + LOV_1657_2024.paragraf("§ 1, nr. 2-4")
        + LOV_1750_2025.paragraf("§ 3")
    )
    documentation = (
        "Til og med 2024: kategori 1 (fuld tilbagevenden forventet inden for 8 uger fra første "
        "fraværsdag), kategori 3 (fravær ud over 8 uger og behov for tværfaglig indsats) eller "
        "kategori 2. Er den sygemeldte stadig syg efter 8 uger, revisiteres til kategori 2 (3) "
        "(§ 13 a, stk. 1); modellen giver kategori 1 kun i måneder, der slutter inden for de 8 uger. "
        "Fra 1.1.2025 er kategori 3 afskaffet (lov nr. 1657/2024). Fra 1.7.2026 er "
        "visitationskategorierne udfaset (lov nr. 1750/2025; datoen er modellens valg, "
        "lav-medium sikkerhed): ikke_visiteret."
    )

    def formula(person, period, parameters):
        """Til 31.12.2024: kategori 1, 2 eller 3."""
        return numpy.select(
            [
                ~person("sygedagpengesag", period),
                _kategori_1(person, period, parameters),
                person("behov_for_tvaerfaglig_indsats", period),
            ],
            [Visitationskategori.ingen, Visitationskategori.kategori_1, Visitationskategori.kategori_3],
            Visitationskategori.kategori_2,
        )

    def formula_2025_01_01(person, period, parameters):
        # Lov nr. 1657/2024: kategori 3 afskaffes; tværfaglig indsats sker inden for kategori 2.
        """Fra 1.1.2025 (lov nr. 1657/2024): kategori 3 er afskaffet."""
        return numpy.select(
            [~person("sygedagpengesag", period), _kategori_1(person, period, parameters)],
            [Visitationskategori.ingen, Visitationskategori.kategori_1],
            Visitationskategori.kategori_2,
        )

    def formula_2026_07_01(person, period):
        # Lov nr. 1750/2025: visitationskategorierne udfases.
        """Fra 1.7.2026 (lov nr. 1750/2025): kategorierne er udfaset."""
        return numpy.where(
            person("sygedagpengesag", period), Visitationskategori.ikke_visiteret, Visitationskategori.ingen
        )


class opfoelgning_omfattet(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kommunen følger op på sygedagpengesagen med opfølgningssamtaler"
    reference = SDL.paragraf("§ 13 a, stk. 1-2", "§ 13 b, stk. 1") + LOV_1750_2025.paragraf("§ 3")
    documentation = (
        "En sygedagpengesag, som kommunen følger op med samtaler: ikke når fuld tilbagevenden "
        "forventes inden for 8 uger (kategori 1: kommunen tilrettelægger selv, § 13 a, stk. 2). Fra "
        "1.7.2026 heller ikke for sygemeldte i ansættelse, der forventes raskmeldt inden 26 uger fra "
        "første fraværsdag (lov nr. 1750/2025). Fristen for den første samtale, antallet af samtaler, "
        "samtaleformen og retten til at kræve lægeattest gælder disse sager."
    )

    def formula(person, period, parameters):
        """Til 30.6.2026: alle sager uden for kategori 1 (§ 13 a, stk. 2)."""
        return person("sygedagpengesag", period) & ~_kategori_1(person, period, parameters)

    def formula_2026_07_01(person, period, parameters):
        """Fra 1.7.2026 (lov nr. 1750/2025): ikke ansatte, der forventes tilbage inden 26 uger."""
        uger = parameters(period).sygedagpenge.opfoelgning.undtagelse_beskaeftigede_uger
        # Lov nr. 1750/2025: sygemeldte i ansættelse, der forventes tilbage inden 26 uger, følges ikke op.
        undtaget = _loenmodtager(person, period) & _forventet_tilbage_inden(person, period, uger)
        return person("sygedagpengesag", period) & ~undtaget


class opfoelgning_foerste_samtale_senest(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Frist for den første opfølgningssamtale"
    reference = SDL.paragraf("§ 13 a, stk. 2", "§ 13 b, stk. 1-3", "§ 7 c", "§ 7 e") + LOV_1750_2025.paragraf(
        "§ 3"
    )
    documentation = (
        "Senest inden udgangen af 8. uge regnet fra første fraværsdag (første fraværsdag + 55 "
        "dage), eller senest 2 uger efter en anmodning om tidlig opfølgning, hvis det er før, i "
        "sager, kommunen følger op (opfoelgning_omfattet). Ingen frist (0001-01-01), når fuld "
        "tilbagevenden forventes inden for 8 uger (kategori 1: kommunen tilrettelægger selv, § 13 a, "
        "stk. 2), eller der ikke er en sygedagpengesag. Fra "
        "1.7.2026: ingen samtale for sygemeldte i ansættelse, der forventes raskmeldt inden 26 uger "
        "fra første fraværsdag (lov nr. 1750/2025); for de øvrige bevares 8-ugersfristen (ikke "
        "verificeret, at den består). Er den sygemeldte ikke tilbage, når de 8 (26) uger eller den "
        "forventede dato er passeret, gælder 8-ugersfristen fra måneden efter (§ 13 a, stk. 1: "
        "opfølgning og ny visitation); den er da overskredet, og samtalen holdes snarest."
    )

    def formula(person, period, parameters):
        return numpy.where(person("opfoelgning_omfattet", period), _frist(person, period, parameters), INGEN)


class opfoelgning_min_samtaler_6_maaneder(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "Mindste antal opfølgningssamtaler i det første halve år"
    reference = (
        SDL.paragraf("§ 13 b, stk. 1", "§ 13 f")
        + LOV_551_2019.paragraf("§ 3")
        + LOV_1750_2025.paragraf("§ 3")
    )
    documentation = (
        "Fra 1.1.2020: mindst 4 opfølgninger inden for det første halve år i sager med fravær ud "
        "over 8 uger (kategori 2 og 3); 0 i kategori 1 (kommunen tilrettelægger selv). Fra "
        "1.1.2025 (§ 13 f): 1 (kun den første samtale) for sygemeldte i ansættelse, der forventes "
        "fuldt tilbage inden udgangen af 13. uge regnet fra den første opfølgningssamtale (modellen "
        "bruger fristen for første samtale som dens dato). Fra 1.7.2026 (lov nr. 1750/2025): mindst "
        "1 samtale for dem, der følges op; 0 for sygemeldte i ansættelse, der forventes tilbage "
        "inden 26 uger."
    )

    def formula_2020_01_01(person, period, parameters):
        """2020-2024: mindst 4 samtaler i de sager, kommunen følger op (§ 13 b, stk. 1)."""
        min_samtaler = parameters(period).sygedagpenge.opfoelgning.min_samtaler
        return numpy.where(person("opfoelgning_omfattet", period), min_samtaler, 0)

    def formula_2025_01_01(person, period, parameters):
        """Fra 1.1.2025: kun den første samtale for dem, § 13 f undtager."""
        opfoelgning = parameters(period).sygedagpenge.opfoelgning
        foerste_samtale = person("opfoelgning_foerste_samtale_senest", period)
        # § 13 f: forventet fuldt tilbage inden udgangen af 13. uge fra den første opfølgningssamtale.
        uge_13 = plus_dage(plus_uger(foerste_samtale, opfoelgning.undtagelse_13f_uger), -1)
        paragraf_13_f = _loenmodtager(person, period) & _forventet_tilbage_senest(person, period, uge_13)
        return numpy.select(
            [~person("opfoelgning_omfattet", period), paragraf_13_f],
            [0, opfoelgning.undtagelse_13f_samtaler],
            opfoelgning.min_samtaler,
        )


class opfoelgning_telefon_video_fra(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Fra denne dato kan den sygemeldte vælge opfølgning ved telefon eller video"
    reference = SDL.paragraf("§ 13 b, stk. 1") + LOV_2590_2021.paragraf("§ 3") + LOV_295_2023.paragraf("§ 2")
    documentation = (
        "2020-2021: ingen ret til at vælge (personligt fremmøde som udgangspunkt; de midlertidige "
        "covid-19-undtagelser er ikke modelleret): 0001-01-01. Fra januar 2022 (lov nr. 2590/2021): "
        "efter de første 6 måneder regnet fra første fraværsdag. Fra 22.3.2023 (lov nr. 295/2023; "
        "i modellen fra april 2023): efter den første opfølgning, som holdes ved personligt "
        "fremmøde; datoen er dagen efter fristen for den første samtale (senest da). Kommunen kan "
        "konkret kræve fremmøde. Ingen første samtale: 0001-01-01."
    )

    def formula_2020_01_01(person, period):
        """2020-2021: ingen ret til at vælge telefon eller video."""
        return numpy.full(person.count, INGEN)

    def formula_2022_01_01(person, period, parameters):
        """Fra 1.1.2022 (lov nr. 2590/2021): efter de første 6 måneder fra første fraværsdag."""
        maaneder = parameters(period).sygedagpenge.opfoelgning.telefon_video_efter_maaneder
        efter_6_maaneder = plus_maaneder(person("sygemelding_startdato", period), maaneder)
        return numpy.where(person("opfoelgning_omfattet", period), efter_6_maaneder, INGEN)

    def formula_2023_03_22(person, period):
        """Fra 22.3.2023 (lov nr. 295/2023): efter den første opfølgningssamtale."""
        foerste_samtale = person("opfoelgning_foerste_samtale_senest", period)
        return numpy.where(foerste_samtale != INGEN, plus_dage(foerste_samtale, 1), INGEN)


class fast_track_mulig(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Arbejdsgiveren kan anmode om tidlig opfølgning (fast track) i måneden"
    reference = SDL.paragraf("§ 7 c", "§ 13 b, stk. 2")
    documentation = (
        "En sygemeldt lønmodtager, der ikke forventes fuldt tilbage inden for 8 uger (eller uden "
        "prognose), og hvis første 5 fraværsuger dækker mindst én dag af måneden. Den sygemeldte "
        "kan selv anmode (§ 7 e) og kan modsætte sig arbejdsgiverens anmodning (§ 13 b, stk. 3)."
    )

    def formula(person, period):
        senest = person("fast_track_anmodning_senest", period)
        return (senest != INGEN) & (senest >= maaned_start(period)) & person("sygedagpengesag", period)


class fast_track_anmodning_senest(Variable):
    value_type = date
    default_value = INGEN_DATO
    entity = Person
    definition_period = MONTH
    label = "Sidste dag, arbejdsgiveren kan anmode om tidlig opfølgning (fast track)"
    reference = SDL.paragraf("§ 7 c")
    documentation = (
        "Første fraværsdag + 5 uger - 1 dag for en sygemeldt lønmodtager, der ikke forventes fuldt "
        "tilbage inden for 8 uger, så længe ordningen gælder (parameteren fast_track_gaelder); ellers "
        "0001-01-01."
    )

    def formula(person, period, parameters):
        opfoelgning = parameters(period).sygedagpenge.opfoelgning
        start = person("sygemelding_startdato", period)
        ud_over_otte_uger = ~_kategori_1(person, period, parameters)
        senest = plus_dage(plus_uger(start, opfoelgning.fast_track_arbejdsgiver_uger), -1)
        omfattet = person("sygemeldt", period) & _loenmodtager(person, period) & ud_over_otte_uger
        return numpy.where(omfattet & opfoelgning.fast_track_gaelder, senest, INGEN)


class laegeattest_obligatorisk(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Kommunen skal indhente lægeattest (LÆ 285) til den første opfølgningssamtale"
    reference = SDL.paragraf("§ 11 a, stk. 1") + LOV_1555_2019.paragraf("§ 1, nr. 4")
    documentation = (
        "Fra 1.1.2020 (lov nr. 1555/2019) ikke længere obligatorisk; kommunen anmoder kun om den, "
        "hvis det er nødvendigt for et tilstrækkeligt oplyst grundlag, og den sygemeldte kan kræve "
        "den (§ 11 c). Før 2020 var den obligatorisk i sager med forventet fravær ud over 8 uger; "
        "det ligger før modellens første måned (2020-01) og beregnes ikke."
    )

    def formula(person, period):
        return numpy.zeros(person.count, dtype=bool)


class laegeattest_ret_til_at_kraeve(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Den sygemeldte kan kræve, at kommunen indhenter lægeattest til den første opfølgning"
    reference = SDL.paragraf("§ 11 c") + LOV_1555_2019.paragraf("§ 1, nr. 5")
    documentation = (
        "Fra 1.1.2020 (lov nr. 1555/2019, ny § 11 c): kommunen indhenter i tilknytning til den "
        "første opfølgning en lægeattest fra den praktiserende læge, hvis den sygemeldte ønsker "
        "det, og kommunen ikke allerede har indhentet en. Gælder sager med en første "
        "opfølgningssamtale. Om 2025-aftalens initiativ 9 (afskaffelse af et generelt krav om "
        "lægeattester) ændrede § 11 c, er ikke verificeret; modellen lader retten bestå."
    )

    def formula_2020_01_01(person, period):
        """Fra 1.1.2020 (lov nr. 1555/2019, § 11 c): i de sager, kommunen følger op."""
        return person("opfoelgning_omfattet", period)
