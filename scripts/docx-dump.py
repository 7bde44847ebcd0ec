#!/usr/bin/env python3
"""Reads a .docx with python-docx and prints what it holds as JSON, for the DOCX tests (Tests/PublishingTests).

    python3 scripts/docx-dump.py FILE.docx

Output: {"paragraphs": [{"style", "text"}], "tables": [[[cell text]]], "merged": per table the (row, column)
pairs whose cell is the same as the one to its left or above, "images": [{"width", "height", "pixels",
"dpi", "descr"}], "footer": {"text", "fields"}, "first_footer_text", "different_first_page", "fields"
(instructions in the body), "fonts": {style: {"ascii", "eastAsia"}}, "settings_update_fields", "core": {...},
"footnotes", "endnotes"}. Exits 3 with a message when python-docx cannot be imported.
"""
import json
import sys

try:
    import docx
    from docx.oxml.ns import qn
except ImportError as e:  # the test turns this into a failure naming the fix
    print(f"python-docx cannot be imported ({e}): run scripts/install-deps.sh or pip install python-docx", file=sys.stderr)
    sys.exit(3)


def instructions(element):
    return [t.text.strip() for t in element.iter(qn("w:instrText"))]


def fonts(style):
    rpr = style.element.find(qn("w:rPr"))
    r = rpr.find(qn("w:rFonts")) if rpr is not None else None
    if r is None:
        return {}
    return {"ascii": r.get(qn("w:ascii")), "eastAsia": r.get(qn("w:eastAsia"))}


def notes(document, relname):
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/" + relname):
            root = docx.oxml.parse_xml(rel.target_part.blob)
            out = []
            for n in root.findall(qn("w:" + relname[:-1])):
                if n.get(qn("w:type")) in ("separator", "continuationSeparator"):
                    continue
                out.append("".join(t.text or "" for t in n.iter(qn("w:t"))).strip())
            return out
    return []


def main(path):
    d = docx.Document(path)
    out = {"paragraphs": [{"style": p.style.name, "text": p.text} for p in d.paragraphs]}
    out["tables"] = []
    out["merged"] = []
    for t in d.tables:
        grid = [[c for c in row.cells] for row in t.rows]
        out["tables"].append([[c.text for c in row] for row in grid])
        merged = []
        for r, row in enumerate(grid):
            for c, cell in enumerate(row):
                if (c > 0 and row[c - 1]._tc is cell._tc) or (r > 0 and c < len(grid[r - 1]) and grid[r - 1][c]._tc is cell._tc):
                    merged.append([r, c])
        out["merged"].append(merged)
    images = []
    for s in d.inline_shapes:
        blip = s._inline.graphic.graphicData.pic.blipFill.blip
        image = d.part.related_parts[blip.embed].image
        inches = s.width / 914400
        images.append({"width": int(s.width), "height": int(s.height), "pixels": [image.px_width, image.px_height],
                       "dpi": image.px_width / inches, "descr": s._inline.docPr.get("descr")})
    out["images"] = images
    section = d.sections[0]
    out["different_first_page"] = bool(section.different_first_page_header_footer)
    out["footer"] = {"text": "\n".join(p.text for p in section.footer.paragraphs),
                     "fields": instructions(section.footer._element)}
    out["first_footer_text"] = "\n".join(p.text for p in section.first_page_footer.paragraphs)
    out["page"] = {"width": int(section.page_width), "height": int(section.page_height)}
    out["fields"] = instructions(d.element.body)
    out["fonts"] = {name: fonts(d.styles[name]) for name in ("Normal", "Heading 1", "Heading 2", "Heading 3")}
    out["styles"] = sorted(s.name for s in d.styles)
    out["settings_update_fields"] = d.settings.element.find(qn("w:updateFields")) is not None
    cp = d.core_properties
    out["core"] = {"title": cp.title, "subject": cp.subject, "creator": cp.author,
                   "created": cp.created.isoformat() if cp.created else None,
                   "modified": cp.modified.isoformat() if cp.modified else None}
    out["footnotes"] = notes(d, "footnotes")
    out["endnotes"] = notes(d, "endnotes")
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: docx-dump.py FILE.docx", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
