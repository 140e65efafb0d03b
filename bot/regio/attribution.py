"""Sources, licences and the attribution README written into content/regio/ by the importer."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.regio.bootstrap import Build

# Source keys used in the output ("bron" fields). Texts are the attribution the data README requires.
BRONNEN = {
    "CBS-PDOK": {
        "naam": "CBS / PDOK Gebiedsindelingen (gemeente 2026, provincie 2026, jeugdregio 2025, RMC-regio 2025), "
        "via GitHub cartomap/nl commit 01e3b4cea860e7bb5dc3bddbfff72d3e4f4709e6",
        "licentie": "CC-BY 4.0",
        "vermelding": "Bron: CBS / PDOK, Gebiedsindelingen 2025 en 2026",
    },
    "RVIG-T33": {
        "naam": "RvIG Landelijke Tabel 33 Gemeententabel (stand eind 2022), kopie in GitHub "
        "BRP-API/Haal-Centraal-BRP-bevragen; Voorne aan Zee (2023) uit CBS/PDOK 2025/2026",
        "licentie": "Officiële RvIG-referentietabel; repository EUPL, Copyright © RvIG 2022",
        "vermelding": "Bron: RvIG, Landelijke Tabel 33 Gemeententabel",
    },
    "REG-2015": {
        "naam": "Regeling regio-indeling samenwerkingsverbanden passend onderwijs PO en VO (BWBR0032324), "
        "bijlage, versie geldend vanaf 2015-04-23 (https://wetten.overheid.nl/BWBR0032324)",
        "licentie": "Wet- en regelgeving, art. 11 Auteurswet (geen auteursrecht)",
        "vermelding": "Bron: Regeling regio-indeling samenwerkingsverbanden passend onderwijs PO en VO, versie 23 april 2015",
    },
    "4PP": {
        "naam": "GitHub bobdenotter/4pp, 4pp.sql (commit d7b220afc7c5476665c4e1a4174e487b51899111, 2014-12-24): "
        "postale plaatsnamen per PC4, gekoppeld aan gemeenten 2026",
        "licentie": "MIT, Copyright (c) 2014 Bob den Otter",
        "vermelding": "Plaatsnamen: 4pp, Copyright (c) 2014 Bob den Otter, MIT-licentie",
    },
    "WEB": {
        "naam": "Openbare webpagina's, per samenwerkingsverband genoemd in bron_url",
        "licentie": "Feitelijke gegevens (namen, websites, telefoonnummers zoals vermeld)",
        "vermelding": "Bron: per samenwerkingsverband de genoemde webpagina",
    },
    "HAND": {
        "naam": "Gangbare schrijfwijzen van gemeentenamen, handmatig toegevoegd in bot/regio/importer.py (ALIASES)",
        "licentie": "Eigen werk van het project",
        "vermelding": "Handmatig toegevoegde schrijfwijzen",
    },
    "DUO": {
        "naam": "DUO open onderwijsdata, Adressen samenwerkingsverbanden passend onderwijs",
        "licentie": "DUO open onderwijsdata; zie de gebruiksvoorwaarden op duo.nl (niet nagekeken)",
        "vermelding": "Bron: DUO, Adressen samenwerkingsverbanden",
    },
    "CBS-GIN": {
        "naam": "CBS StatLine, Gebieden in Nederland",
        "licentie": "CC-BY 4.0",
        "vermelding": "Bron: CBS, Gebieden in Nederland",
    },
    "CBS-PC6": {
        "naam": "CBS, Buurt, wijk en gemeente voor postcode huisnummer (pc6hnr)",
        "licentie": "CC-BY 4.0",
        "vermelding": "Bron: CBS, postcode-huisnummerbestand",
    },
}

MIT_NOTICE = """The MIT License (MIT) — Copyright (c) 2014 Bob den Otter

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation
files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy,
modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE,
ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."""


def render_readme(b: Build, outputs: dict) -> str:
    g = outputs["gemeenten.json"]["gemeenten"]
    n_pl = len(outputs["plaatsen.json"]["plaatsen"])
    n_pc = len(outputs["postcodes.json"]["pc4"])
    n_swv = len(outputs["samenwerkingsverbanden.json"]["samenwerkingsverbanden"])
    extra = "".join(f"| {e['bestand']} | {BRONNEN[e['bron']]['naam']} | {e['datum']} | {e['rijen']} |\n"
                    for e in b.extra_bronnen) or "| (geen) | | | |\n"
    used = ["CBS-PDOK", "RVIG-T33", "REG-2015", "4PP", "WEB", "HAND"]
    used += sorted({e["bron"] for e in b.extra_bronnen} - set(used))
    bronrijen = "".join(f"| `{k}` | {BRONNEN[k]['naam']} | {BRONNEN[k]['licentie']} |\n" for k in used)
    return f"""# content/regio — regio-gegevens van Wegwijzer

**Gegenereerd bestand: niet met de hand wijzigen.** Gemaakt met
`python -m bot.regio.importer --source <map met referentiebestanden> --out content/regio`.
Niet gegenereerd (met de hand bijgehouden, niet overschreven): `landelijk.yml` (landelijke organisaties,
uit de projectkennis `feiten.md` met bron per organisatie; de enige plek voor hun telefoonnummers, e-mail,
websites en openingstijden, die alle teksten met een sleutel noemen, zie `docs/content.md`) en `overrides/` (lokale aanvullingen per gemeente
of regio, zie `overrides/README.md`).

Peildatum van de referentiebestanden: **{b.peildatum}**.

Bron: CBS / PDOK, Gebiedsindelingen 2025 en 2026.

| Bestand | Inhoud | Bronnen |
|---|---|---|
| `gemeenten.json` | {len(g)} gemeenten (indeling 2026): code, CBS-code, naam, provincie, jeugdregio en RMC-regio (CBS 2025), PO- en VO-samenwerkingsverbanden die de gemeente bedienen (met naam/website/telefoon/e-mail waar gevonden, bron en datum per feit), voormalige gemeenten, `data_jaar`; daarnaast jeugdregio's en RMC-regio's met hun gemeenten | `CBS-PDOK`, `REG-2015`, `WEB`, `RVIG-T33` |
| `samenwerkingsverbanden.json` | {n_swv} samenwerkingsverbanden passend onderwijs (code, sector, naam, contact, bron_url, bron_datum, zekerheid, opmerking, gemeenten in het gebied van 2015) | `REG-2015`, `WEB` (en `DUO` na verversing) |
| `plaatsen.json` | {n_pl} namen → gemeentecodes: officiële namen, gangbare schrijfwijzen, voormalige gemeenten (ook gesplitste), woonplaatsen (postale namen 2014) met alternatieve schrijfwijzen | `CBS-PDOK`, `HAND`, `RVIG-T33`, `REG-2015`, `4PP` |
| `postcodes.json` | {n_pc} postcodes (PC4) → gemeente 2026 en PO/VO-samenwerkingsverband (regeling 2015) | `REG-2015` (en `CBS-PC6` na verversing) |

## Let op: verouderde gegevens

- De **indeling in samenwerkingsverbanden is die van 23 april 2015**. Gebieden en namen zijn sindsdien
  veranderd. Antwoorden zeggen daarom: "volgens gegevens uit 2015; kijk ook in de schoolgids".
- Jeugdregio's en RMC-regio's zijn de **CBS-indeling 2025**.
- Plaatsnamen zijn de **postale namen van 2014** (4pp); nieuwere namen en wijken ontbreken.
- Namen en contactgegevens van samenwerkingsverbanden komen van openbare webpagina's (zie `bron_url`,
  `bron_datum`, `zekerheid` per samenwerkingsverband). Leeg = niet gevonden; er is niets verzonnen.

## Bronnen en licenties

| Sleutel | Bron | Licentie |
|---|---|---|
{bronrijen}
Gebruikte verversingsbestanden (officiële formaten):

| Bestand | Bron | Datum | Rijen |
|---|---|---|---|
{extra}
### Licentievermelding 4pp (plaatsnamen in `plaatsen.json`)

De plaatsnamen komen uit 4pp van Bob den Otter. Deze vermelding moet bij kopieën blijven:

```
{MIT_NOTICE}
```

### Vermeldingen

- Bron: CBS / PDOK, Gebiedsindelingen 2025 en 2026 (CC-BY 4.0).
- Bron: RvIG, Landelijke Tabel 33 Gemeententabel (voormalige gemeenten tot en met 2022); Voorne aan Zee (2023)
  afgeleid uit CBS/PDOK 2025/2026.
- Bron: Regeling regio-indeling samenwerkingsverbanden passend onderwijs PO en VO (BWBR0032324), versie
  23 april 2015 (geen auteursrecht, art. 11 Auteurswet).
- Namen en contactgegevens van samenwerkingsverbanden: openbare webpagina's, per samenwerkingsverband genoemd.

## Verversen

Met de officiële bestanden (zie `python -m bot.regio.importer --help`):

- `--duo-swv` DUO "Adressen samenwerkingsverbanden" (PO en VO; CSV, of XLSX als openpyxl geïnstalleerd is);
- `--cbs-gebieden` CBS "Gebieden in Nederland" (CSV-export);
- `--cbs-pc6` CBS "Buurt, wijk en gemeente voor postcode huisnummer" (pc6hnr, puntkomma-CSV).
"""
