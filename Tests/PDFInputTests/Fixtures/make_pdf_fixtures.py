#!/usr/bin/python3
"""Writes the small PDFs PDFInputTests read, and the truth of each, without LibreOffice.

Run with Debian's python3 and python3-cairo (apt-get install python3-cairo; not needed by the tests):
    /usr/bin/python3 Tests/PDFInputTests/Fixtures/make_pdf_fixtures.py
Outputs (committed) in Tests/PDFInputTests/Fixtures/pdf/:
  split_table.pdf   a ruled table over two pages: its two header rows repeated on page 2 (Word's 重复标题行), a
                    merged group-label cell running over the break with its text cut too ("（一）甲类" | "事项"), a
                    row whose label the break cuts (the rest, with no numbers, at the top of page 2), page footers
                    "- 1 -" and "- 2 -".
  three_line.pdf    a three-line table (三线表: top, header and bottom rules, no verticals) and body text.
  double_border.pdf a ruled table with a double outer border (two lines 2.25 pt apart).
  light_rules.pdf   ruled tables with light-grey borders (#C0C0C0; #D9D9D9 under a #F0F0F0 shaded header row), and
                    one below a black-ruled table on the same page.
  garbled.pdf       page 1: Latin-1 mojibake (what a font without ToUnicode gives); page 2: only a drawn box.
  encrypted.pdf     a PDF whose /Encrypt dictionary asks for a password nobody knows.
  *.truth.json      what a reader must find: grid texts by row, page footers, verdicts.
"""
import datetime
import json
import os
import cairo

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdf")
FONT = "Noto Serif CJK SC"
W, H = 595.0, 842.0


def surface(path):
    s = cairo.PDFSurface(path, W, H)
    s.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2026-01-01T00:00:00Z")
    s.set_metadata(cairo.PDFMetadata.MOD_DATE, "2026-01-01T00:00:00Z")
    s.set_metadata(cairo.PDFMetadata.CREATOR, "make_pdf_fixtures.py")
    s.set_metadata(cairo.PDFMetadata.TITLE, os.path.basename(path))
    return s


def text(cr, x, y, s, size=10.5, bold=False, centre=False):
    """Draws s with its baseline at y; x is the left edge, or the centre when centre=True."""
    cr.select_font_face(FONT, cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
    cr.set_font_size(size)
    if centre:
        x -= cr.text_extents(s).x_advance / 2
    cr.move_to(x, y)
    cr.show_text(s)


def line(cr, x0, y0, x1, y1, width=0.5):
    cr.set_line_width(width)
    cr.move_to(x0, y0)
    cr.line_to(x1, y1)
    cr.stroke()


def footer(cr, n):
    text(cr, W / 2, 810, f"- {n} -", size=10.5, centre=True)


# ---------------------------------------------------------------------------------------------------------------
# split_table.pdf

XS = [60.0, 130.0, 300.0, 380.0, 460.0, 535.0]   # group | item | 自然人 | 法人 | 总计
ROW = 24.0


def header(cr, y):
    """Two header rows from y: 项目 (2×2 merged) | 申请人情况 (3 wide) / 自然人 | 法人 | 总计. Returns the next y."""
    line(cr, XS[0], y, XS[5], y)
    line(cr, XS[2], y + ROW, XS[5], y + ROW)
    line(cr, XS[0], y + 2 * ROW, XS[5], y + 2 * ROW)
    for x in (XS[0], XS[2], XS[5]):
        line(cr, x, y, x, y + 2 * ROW)
    for x in (XS[3], XS[4]):
        line(cr, x, y + ROW, x, y + 2 * ROW)
    text(cr, (XS[0] + XS[2]) / 2, y + ROW + 4, "项目", bold=True, centre=True)
    text(cr, (XS[2] + XS[5]) / 2, y + 16, "申请人情况", bold=True, centre=True)
    for k, s in enumerate(["自然人", "法人", "总计"]):
        text(cr, (XS[2 + k] + XS[3 + k]) / 2, y + ROW + 16, s, bold=True, centre=True)
    return y + 2 * ROW


def data_row(cr, y, item, nums, full_width):
    """One data row at y: its top line (across the group column too when full_width), label and numbers."""
    if full_width is not None:
        line(cr, XS[0] if full_width else XS[1], y, XS[5], y)
    text(cr, XS[1] + 4, y + 16, item)
    for j, v in enumerate(nums):
        text(cr, (XS[2 + j] + XS[3 + j]) / 2, y + 16, str(v), centre=True)


def group_label(cr, y0, y1, first, second):
    text(cr, XS[0] + 4, (y0 + y1) / 2, first)
    text(cr, XS[0] + 4, (y0 + y1) / 2 + 15, second)


def split_table():
    path = os.path.join(OUT, "split_table.pdf")
    s = surface(path)
    cr = cairo.Context(s)
    cr.set_source_rgb(0, 0, 0)
    # Data rows (group, item, numbers). Group （一） has 26 rows and runs over the page break after row 24,
    # whose label the break cuts: "24.没有现成信息需要另行" on page 1 (with the numbers), "制作" on page 2.
    rows = [("（一）甲类事项", f"{i}.第{i}项申请", (i * 7 % 13, i % 3, i * 7 % 13 + i % 3)) for i in range(1, 27)]
    rows += [("（二）乙类事项", f"{i}.乙类第{i}项", (i * 5, 0, i * 5)) for i in range(1, 5)]
    cut = 24
    rows[cut - 1] = ("（一）甲类事项", "24.没有现成信息需要另行制作", (3, 1, 4))

    # Page 1: title, one body line, the header and rows 1..24.
    text(cr, W / 2, 70, "某区人民政府2023年政府信息公开工作年度报告", size=16, bold=True, centre=True)
    text(cr, 60, 110, "一、总体情况。本年度共收到申请若干件，详见下表。", size=12)
    y = start1 = header(cr, 140.0)
    for k in range(1, cut):
        data_row(cr, y, rows[k - 1][1], rows[k - 1][2], None if k == 1 else False)
        y += ROW
    data_row(cr, y, "24.没有现成信息需要另行", rows[cut - 1][2], False)
    y += ROW
    line(cr, XS[0], y, XS[5], y)
    for x in XS:
        line(cr, x, start1, x, y)
    text(cr, XS[0] + 4, y - 8, "（一）甲类")      # the merged cell's text is cut too: "事项" goes to page 2
    footer(cr, 1)
    cr.show_page()

    # Page 2: the header again, the rest of row 24, rows 25..30; group （一）'s part here is left empty.
    y = start2 = header(cr, 60.0)
    text(cr, XS[1] + 4, y + 16, "制作")
    text(cr, XS[0] + 4, y + 16, "事项")
    y += ROW
    group2 = None
    for k in range(cut + 1, len(rows) + 1):
        starts_group = rows[k - 1][0] != rows[k - 2][0]
        if starts_group:
            group2 = y
        data_row(cr, y, rows[k - 1][1], rows[k - 1][2], starts_group)
        y += ROW
    line(cr, XS[0], y, XS[5], y)
    for x in XS:
        line(cr, x, start2, x, y)
    group_label(cr, group2, y, "（二）乙类", "事项")
    text(cr, 60, y + 40, "二、存在的主要问题及改进情况。无。", size=12)
    footer(cr, 2)
    cr.show_page()
    s.finish()

    # The joined grid a reader must give: 2 header rows, then one row per data row.
    grid = [["项目", "项目", "申请人情况", "申请人情况", "申请人情况"],
            ["项目", "项目", "自然人", "法人", "总计"]]
    for g, item, nums in rows:
        grid.append([g, item] + [str(v) for v in nums])
    truth = {
        "file": "split_table.pdf",
        "pages": 2,
        "tables": 1,
        "table_pages": [1, 2],
        "grid": grid,
        "row_pages": [1, 1] + [1 if k <= cut else 2 for k in range(1, len(rows) + 1)],
        "page_number_lines": {"1": "- 1 -", "2": "- 2 -"},
        "body_lines": ["某区人民政府2023年政府信息公开工作年度报告", "一、总体情况。本年度共收到申请若干件，详见下表。",
                       "二、存在的主要问题及改进情况。无。"],
        "notes": "row 24's label is cut by the break: '24.没有现成信息需要另行' on page 1, '制作' on page 2; "
                 "group （一）'s merged cell continues over the break, its text cut ('（一）甲类' | '事项'); header rows repeated on page 2",
    }
    with open(os.path.join(OUT, "split_table.truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


# ---------------------------------------------------------------------------------------------------------------
# three_line.pdf

def three_line():
    path = os.path.join(OUT, "three_line.pdf")
    s = surface(path)
    cr = cairo.Context(s)
    cr.set_source_rgb(0, 0, 0)
    text(cr, W / 2, 70, "某县2023年政务公开统计", size=16, bold=True, centre=True)
    text(cr, 60, 110, "表1 主要指标（单位：条）", size=12)
    cols = [70.0, 250.0, 340.0, 430.0, 520.0]   # cell left edges for text; the table spans 60..535
    header = ["指标", "2022年", "2023年", "增减"]
    rows = [["主动公开信息", "1136", "1200", "64"],
            ["政策解读", "45", "52", "7"],
            ["依申请公开", "21", "18", "-3"],
            ["行政复议", "3", "5", "2"]]
    y = 130.0
    line(cr, 60, y, 535, y, 1.5)
    for j, h in enumerate(header):
        text(cr, cols[j], y + 17, h, bold=True)
    y += 24
    line(cr, 60, y, 535, y, 0.75)
    for r in rows:
        for j, v in enumerate(r):
            text(cr, cols[j], y + 17, v)
        y += 24
    line(cr, 60, y, 535, y, 1.5)
    text(cr, 60, y + 40, "以上数据来源于本县政务公开平台。", size=12)
    footer(cr, 1)
    cr.show_page()
    s.finish()
    truth = {"file": "three_line.pdf", "grid": [header] + rows,
             "body_lines": ["某县2023年政务公开统计", "表1 主要指标（单位：条）", "以上数据来源于本县政务公开平台。"]}
    with open(os.path.join(OUT, "three_line.truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


# ---------------------------------------------------------------------------------------------------------------
# double_border.pdf

def double_border():
    path = os.path.join(OUT, "double_border.pdf")
    s = surface(path)
    cr = cairo.Context(s)
    cr.set_source_rgb(0, 0, 0)
    text(cr, W / 2, 70, "行政复议情况", size=16, bold=True, centre=True)
    xs, ys = [80.0, 260.0, 380.0, 500.0], [120.0, 150.0, 180.0, 210.0]
    grid = [["项目", "维持", "纠正"], ["行政复议", "10", "1"], ["行政诉讼", "5", "0"]]
    # Word's double outer border: two 0.5 pt lines 2.25 pt apart; single inner lines.
    for d in (0.0, 2.25):
        cr.set_line_width(0.5)
        cr.rectangle(xs[0] - d, ys[0] - d, xs[-1] - xs[0] + 2 * d, ys[-1] - ys[0] + 2 * d)
        cr.stroke()
    for x in xs[1:-1]:
        line(cr, x, ys[0], x, ys[-1])
    for y in ys[1:-1]:
        line(cr, xs[0], y, xs[-1], y)
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            text(cr, xs[c] + 6, ys[r] + 20, v)
    footer(cr, 1)
    cr.show_page()
    s.finish()
    with open(os.path.join(OUT, "double_border.truth.json"), "w", encoding="utf-8") as f:
        json.dump({"file": "double_border.pdf", "grid": grid}, f, ensure_ascii=False, indent=1)
        f.write("\n")


# ---------------------------------------------------------------------------------------------------------------
# light_rules.pdf

def ruled_grid(cr, xs, ys, grid, rgb, width=0.5, shade=None):
    """A full grid of rulings in colour rgb; the first row filled with shade (an rgb) first; texts in black."""
    if shade:
        cr.set_source_rgb(*shade)
        cr.rectangle(xs[0], ys[0], xs[-1] - xs[0], ys[1] - ys[0])
        cr.fill()
    cr.set_source_rgb(*rgb)
    for x in xs:
        line(cr, x, ys[0], x, ys[-1], width)
    for y in ys:
        line(cr, xs[0], y, xs[-1], y, width)
    cr.set_source_rgb(0, 0, 0)
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            text(cr, xs[c] + 6, ys[r] + 17, v)


LIGHT_A = [["项目", "自然人", "法人", "总计"], ["本年新收", "14", "3", "17"], ["上年结转", "2", "0", "2"],
           ["予以公开", "9", "1", "10"], ["部分公开", "1", "0", "1"]]
LIGHT_B = [["项目", "维持", "纠正", "其他"], ["行政复议", "7", "1", "0"], ["行政诉讼", "3", "0", "1"]]
LIGHT_C = [["项目", "数量"], ["主动公开", "125"], ["依申请公开", "19"]]


def light_rules():
    """Tables whose borders are light grey, which the dark ink level misses: page 1, #C0C0C0 0.5 pt rulings, and
    #D9D9D9 rulings under a header row shaded #F0F0F0; page 2, a black-ruled table above a #C0C0C0 one."""
    path = os.path.join(OUT, "light_rules.pdf")
    s = surface(path)
    cr = cairo.Context(s)
    xs = [80.0, 220.0, 310.0, 400.0, 490.0]
    cr.set_source_rgb(0, 0, 0)
    text(cr, W / 2, 70, "浅色表格线", size=16, bold=True, centre=True)
    text(cr, 80, 100, "一、收到和处理政府信息公开申请情况")
    ruled_grid(cr, xs, [115.0 + 24 * k for k in range(len(LIGHT_A) + 1)], LIGHT_A, (0.753, 0.753, 0.753))
    text(cr, 80, 275, "二、行政复议、行政诉讼情况")
    ruled_grid(cr, xs, [290.0 + 24 * k for k in range(len(LIGHT_B) + 1)], LIGHT_B, (0.851, 0.851, 0.851),
               shade=(0.941, 0.941, 0.941))
    footer(cr, 1)
    cr.show_page()
    cr.set_source_rgb(0, 0, 0)
    text(cr, 80, 100, "三、主动公开政府信息情况")
    ruled_grid(cr, xs[:3], [115.0 + 24 * k for k in range(len(LIGHT_C) + 1)], LIGHT_C, (0, 0, 0))
    text(cr, 80, 225, "四、收到和处理政府信息公开申请情况（续）")
    ruled_grid(cr, xs, [240.0 + 24 * k for k in range(len(LIGHT_A) + 1)], LIGHT_A, (0.753, 0.753, 0.753))
    footer(cr, 2)
    cr.show_page()
    s.finish()
    truth = {"file": "light_rules.pdf", "tables": [{"pages": [1], "grid": LIGHT_A}, {"pages": [1], "grid": LIGHT_B},
                                                    {"pages": [2], "grid": LIGHT_C}, {"pages": [2], "grid": LIGHT_A}]}
    with open(os.path.join(OUT, "light_rules.truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


# ---------------------------------------------------------------------------------------------------------------
# Hand-written PDFs (no cairo): garbled text layer, and an encrypted file.

def write_pdf(path, objects, trailer_extra=""):
    """objects: list of bytes bodies for objects 1..n; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for o in offsets:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)


def stream(data):
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def garbled():
    # Page 1: WinAnsi text that is the UTF-8 bytes of Chinese read as Latin-1 (mojibake), as a broken font gives.
    chinese = "政府信息公开工作年度报告本年新收政府信息公开申请数量"
    mojibake = chinese.encode("utf-8")
    lines = [mojibake[i:i + 30] for i in range(0, len(mojibake), 30)]
    content = b"BT /F1 12 Tf 60 780 Td 14 TL\n"
    for ln in lines:
        esc = ln.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        content += b"(" + esc + b") Tj T*\n"
    content += b"ET\n"
    box = b"0.5 w 100 500 300 200 re S\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        stream(content),
        stream(box),
    ]
    write_pdf(os.path.join(OUT, "garbled.pdf"), objects)


def encrypted():
    # Standard security handler, RC4 40-bit; O and U entries that match no password, so opening must fail.
    o = "".join(f"{(i * 37 + 11) % 256:02x}" for i in range(32))
    u = "".join(f"{(i * 91 + 7) % 256:02x}" for i in range(32))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        stream(b"0.5 w 100 500 300 200 re S\n"),
        f"<< /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -44 >>".encode(),
    ]
    ident = "0123456789abcdef0123456789abcdef"
    write_pdf(os.path.join(OUT, "encrypted.pdf"), objects, f"/Encrypt 5 0 R /ID [<{ident}> <{ident}>] ")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    split_table()
    three_line()
    double_border()
    light_rules()
    garbled()
    encrypted()
    print("wrote", ", ".join(sorted(os.listdir(OUT))))
