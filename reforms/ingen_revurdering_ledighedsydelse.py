"""Reform: ingen obligatorisk revurdering af ledighedsydelsesmodtagere efter 12 måneder."""

import numpy
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_dk_beskaeftigelse.datoer import INGEN_DATO
from openfisca_dk_beskaeftigelse.kilder import Kilde

INGEN = numpy.datetime64(INGEN_DATO, "D")


class IngenRevurderingLedighedsydelse(Reform):
    """Ingen fast revurdering af fleksjobvisitationen for ledighedsydelsesmodtagere.

    Forslaget: De nordjyske frikommuner var i forsøget "Ledighedsydelse – fritagelse for
    revurdering i 12. måned inden for 18 måneder" fritaget for at revurdere, om en
    ledighedsydelsesmodtager fortsat opfylder betingelserne for fleksjob, på et lovfastsat
    tidspunkt; evalueringen beskriver, at borgeren skal til en række overlappende møder på
    ukoordinerede tidspunkter efter forskellige love, og anbefaler, at forsøgene gøres permanente
    og reglerne forenkles. Kilde: ``003_8d1ffce9980bf276.txt``, "De 17 aktive forsøg" og "Færre
    proceskrav – i samtale og borgermødet" (afsnittene om forsøget om revurdering af
    ledighedsydelsesmodtagere).

    Hvad reformen ændrer: der er ingen lovbestemt dato for revurderingen
    (``ledighedsydelse_revurdering_senest`` er 0001-01-01); kommunen kan fortsat følge op, når den
    finder det relevant, men det beregnes ikke.

    Hvad reformen lader være: retten til ledighedsydelse og dens beløb, kontaktforløbet for
    ledighedsydelsesmodtagere og opfølgningen på fleksjob.
    """

    name = "Ingen fast revurdering af ledighedsydelsesmodtagere"
    kilder = (
        Kilde(
            "003_8d1ffce9980bf276.txt",
            "De 17 aktive forsøg: Ledighedsydelse – fritagelse for revurdering i 12. måned "
            "inden for 18 måneder",
        ),
        Kilde("003_8d1ffce9980bf276.txt", "Færre proceskrav – i samtale og borgermødet"),
    )
    status = "forslag"

    def apply(self):
        class ledighedsydelse_revurdering_senest(Variable):
            label = "Dato for revurdering af fleksjobvisitationen (ingen lovbestemt dato)"

            def formula(person, period):
                return numpy.full(person.count, INGEN)

        self.update_variable(ledighedsydelse_revurdering_senest)
