#!/usr/bin/env python3
"""pdfplumber's find_tables on every page, written as HTML (tables as <table>, the text outside them as <p>) so
trendplot's HTML path scores it. Prints pages read."""
import html, sys, pdfplumber

src, dst = sys.argv[1], sys.argv[2]
parts = ["<html><body>"]
pages = 0
with pdfplumber.open(src) as pdf:
    for page in pdf.pages:
        pages += 1
        tables = page.find_tables()
        rest = page
        for t in tables:
            rest = rest.outside_bbox(t.bbox)
        for line in (rest.extract_text() or "").splitlines():
            parts.append(f"<p>{html.escape(line)}</p>")
        for t in tables:
            parts.append("<table>")
            for row in t.extract():
                parts.append("<tr>" + "".join(f"<td>{html.escape(c or '')}</td>" for c in row if c is not None) + "</tr>")
            parts.append("</table>")
parts.append("</body></html>")
open(dst, "w").write("\n".join(parts))
print(pages)
