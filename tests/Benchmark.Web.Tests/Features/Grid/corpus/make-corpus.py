#!/usr/bin/env python3
"""Regenerates the grid import corpus: real-world-shaped CSV and XLSX files (see README.md for each expected outcome).
XLSX files are written as Excel writes them: shared strings, dates as serial numbers, merged cells."""
import zipfile
from xml.sax.saxutils import escape

HEADER = ["Date", "Type d'activité", "Provenance du patient", "Type de rendez-vous",
          "Délai d'obtention du rendez-vous (jours)", "Délai de compte-rendu (jours)"]
# The hand-computed example (see GridSummariesTests): 6 rows in September 2010, 2 in October.
ROWS = [
    ["06/09/2010", "Scanner", "Externe", "Programmé honoré", "10", "1"],
    ["06/09/2010", "Scanner", "Externe", "Programmé honoré", "20", "2,5"],
    ["06/09/2010", "Scanner", "Urgences", "Non programmé", "", "0,5"],
    ["07/09/2010", "IRM", "Externe", "Programmé non-honoré", "15", ""],
    ["07/09/2010", "IRM", "Hospi - Service 1", "Programmé honoré", "6", "4"],
    ["08/09/2010", "Scanner", "Hospi - Service 2", "Non programmé", "", "12"],
    ["01/10/2010", "Scanner", "Externe", "Programmé honoré", "30", "7"],
    ["01/10/2010", "Scanner", "Externe", "Programmé non-honoré", "5", ""],
]


def csv(rows, header=HEADER):
    return "\r\n".join(";".join(r) for r in [header] + rows) + "\r\n"


def write(name, text, encoding="utf-8", bom=False):
    with open(name, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))


write("francais.csv", csv(ROWS))
write("bom.csv", csv(ROWS), bom=True)
write("windows-1252.csv", csv(ROWS), encoding="cp1252")
write("lignes-vides-finales.csv", csv(ROWS) + ";;;;;\r\n" * 40 + "\r\n\r\n")
bad = [r[:] for r in ROWS]
bad[1][0] = "31/02/2010"          # line 3: no such date
bad[4][3] = "Programmé annulé"    # line 6: not in the list
write("deux-lignes-fausses.csv", csv(bad))
write("en-tete-casse-accents.csv", csv(ROWS, ["  DATE ", "type d'activite", "Provenance  du patient", "TYPE DE RDV", "délai d’obtention", "Délai de compte rendu"]))


def serial(d):
    import datetime
    day, month, year = map(int, d.split("/"))
    return (datetime.date(year, month, day) - datetime.date(1899, 12, 30)).days


def col(i):
    return chr(ord("A") + i)


def xlsx(name, sheets):
    """sheets: list of (name, rows, merges); a cell is str (shared string), int/float (number) or None."""
    strings, index = [], {}

    def sst(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    parts = {}
    for n, (sheet_name, rows, merges) in enumerate(sheets, 1):
        xml_rows = []
        for r, row in enumerate(rows, 1):
            cells = []
            for c, v in enumerate(row):
                ref = f"{col(c)}{r}"
                if v is None or v == "":
                    continue
                if isinstance(v, str):
                    cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
                else:
                    style = ' s="1"' if c == 0 and r > 1 and isinstance(v, int) and v > 30000 else ""
                    cells.append(f'<c r="{ref}"{style}><v>{v}</v></c>')
            xml_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
        merge = "" if not merges else f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
        parts[f"xl/worksheets/sheet{n}.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{"".join(xml_rows)}</sheetData>{merge}</worksheet>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts["xl/workbook.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {ns}><sheets>'
                                + "".join(f'<sheet name="{escape(s[0])}" sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(sheets, 1))
                                + "</sheets></workbook>")
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
        + f'<Relationship Id="rId{len(sheets) + 1}" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        + f'<Relationship Id="rId{len(sheets) + 2}" Type="{rel}/styles" Target="styles.xml"/></Relationships>')
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    parts["xl/styles.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
        '<cellXfs count="2"><xf/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, len(sheets) + 1))
        + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", root_rels)
        for path, xml in parts.items():
            z.writestr(path, xml)


def typed(r):
    num = lambda s: None if s == "" else (float(s.replace(",", ".")) if "," in s else int(s))
    return [serial(r[0]), r[1], r[2], r[3], num(r[4]), num(r[5])]


data = [typed(r) for r in ROWS]
xlsx("dates-excel-numeriques.xlsx", [("Recueil", [HEADER] + data, [])])
title = [["ARS Ile-de-France Cellule Performance"], ["Coaching Imagerie - Recueil"]]
xlsx("en-tete-fusionne.xlsx", [("Recueil", title + [HEADER[:4] + ["Délais (jours)", None], [None, None, None, None, "d'obtention du rendez-vous", "de compte rendu"]] + data,
                               ["A1:F1", "A2:F2", "E3:F3", "A3:A4", "B3:B4", "C3:C4", "D3:D4"])])
xlsx("mauvaise-feuille.xlsx", [("Feuil1", [["Liste du personnel"], ["Nom", "Service"], ["Dupont", "Radiologie"]], [])])
xlsx("deux-feuilles-recueil-en-second.xlsx", [("Notice", [["Remplir la feuille Recueil"]], []), ("Recueil", [HEADER] + data + [[None] * 6] * 30, [])])
