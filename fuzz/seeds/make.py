#!/usr/bin/env python3
"""Writes the fuzz seed corpora under fuzz/seeds/<target>/ from small slices
of samples/corpus and hand-built HTML, DOCX and PDF files.

Run from anywhere: python3 fuzz/seeds/make.py (it rewrites the seed folders).
Deterministic: the same repository gives the same seeds.
"""

import io
import pathlib
import shutil
import zipfile
import zlib

FUZZ = pathlib.Path(__file__).resolve().parent.parent
ROOT = FUZZ.parent
SEEDS = FUZZ / "seeds"
CORPUS = sorted((ROOT / "samples" / "corpus").glob("*.txt"))
FIXTURES = ROOT / "crates" / "ingest" / "tests" / "fixtures"


def slice_text(path, start, chars):
    text = path.read_text(encoding="utf-8")
    return text[start : start + chars]


def write(target, name, data):
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (folder / name).write_bytes(data)


def text_seeds():
    a = slice_text(CORPUS[0], 0, 700)
    b = slice_text(CORPUS[1], 2000, 700)
    c = slice_text(CORPUS[2], 5000, 700)
    d = slice_text(CORPUS[3], 1000, 400)
    write("decode_text", "utf8.txt", a)
    write("decode_text", "utf8-bom-crlf.txt", "\ufeff" + b.replace("\n", "\r\n"))
    write("decode_text", "gb18030.txt", c.encode("gb18030"))
    write("decode_text", "gbk-short.txt", "国内生产总值年均增长6%".encode("gbk"))
    write("decode_text", "gb18030-4byte.txt", ("𠀀㐀€ " + d).encode("gb18030"))
    write("decode_text", "utf16le-bom.txt", d.encode("utf-16"))  # BOM + LE
    write("decode_text", "utf16le.txt", d.encode("utf-16-le"))
    write("decode_text", "utf16be.txt", d.encode("utf-16-be"))
    write(
        "decode_text",
        "utf16le-han-only.txt",
        "国内生产总值年均增长研发经费投入强度".encode("utf-16-le"),
    )
    write(
        "decode_text",
        "big5.txt",
        "國內生產總值年均增長百分之六，研發經費投入強度達到三點五。".encode("big5"),
    )
    write("decode_text", "formfeed-nul.txt", "第一页\x0c第二页\x00\x00\r\n\u2028末行  \n")
    # extract_bytes reads bytes as UTF-8 (lossy): corpus slices with targets.
    for i, path in enumerate(CORPUS):
        text = path.read_text(encoding="utf-8")
        at = max(0, text.find("2025") - 300)
        write("extract_bytes", f"corpus-{i}.txt", text[at : at + 900])


HTML_PAGES = {
    "utf8-table.html": """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>规划</title>
<style>body{font:12px}</style><script>var x = "<p>不要</p>";</script></head>
<body><nav><a href="/">首页</a> | <a href="/map">网站地图</a></nav>
<h1>十四五规划纲要</h1>
<p>到2025年，全市地区生产总值达到1.5万亿元，年均增长6%左右。</p>
<table><tr><th>指标</th><th colspan="2">2025年</th></tr>
<tr><td>研发经费投入强度</td><td>3.5%</td><td>预期性</td></tr>
<tr><td colspan=3>注：单一单元格</td></tr></table>
<div hidden>隐藏</div><div style="display:none">也隐藏</div>
<footer>版权所有 ICP备12345号</footer></body></html>
""",
    "fragment.html": "<div class=\"a\"><p>一段</p><br><span>二</span></div>\n<ul><li>甲</li><li>乙</li></ul>",
    "http-equiv.html": """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>
<body><p>【字体：大 中 小】 打印本页</p><p>{}</p></body></html>""",
    "formatting.html": "<html><body><b><i><u><font><p>一<p>二<p>三</b></i>"
    "<table><tr><td><b>x<td>y</table><a><p>z</a></body></html>",
    "svg-math.html": "<body><svg><text>图</text></svg><math><mi>x</mi></math>"
    "<template><p>t</p></template><noscript>ns</noscript><pre>  a\tb\n c</pre>"
    "<textarea>ta</textarea><select><option>o</select></body>",
    "nested-tables.html": "<html><body><table><tr><td><table><tr><td>内</td><td>表</td></tr>"
    "</table></td><td>外</td></tr><caption>标题</caption><thead><tr><th>a<th>b</thead>"
    "<tfoot><tr><td>f<td>g</tfoot></table><dl><dt>项<dd>释义</dl><h2>小标题</h2>"
    "<blockquote>引用</blockquote><!-- 注释 --><hr></body></html>",
}


def html_seeds():
    for name, page in HTML_PAGES.items():
        if name == "http-equiv.html":
            body = slice_text(CORPUS[4], 300, 300)
            write("html", name, page.format(body).encode("gb18030"))
        else:
            write("html", name, page)
    write(
        "html",
        "utf16-bom.html",
        "<html><body><p>国内生产总值</p><p>增长6%</p></body></html>".encode("utf-16"),
    )


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""


def para(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def cell(text, span=None):
    pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span else "<w:tcPr/>"
    return f"<w:tc>{pr}{para(text)}</w:tc>"


def document(body):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:mc="{MC}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )


DOCX_BODIES = {
    "table": para("到2025年增长6%")
    + "<w:tbl><w:tr>"
    + cell("指标")
    + cell("2025年", 2)
    + "</w:tr><w:tr>"
    + cell("研发经费投入强度")
    + cell("3.5%")
    + cell("预期性")
    + "</w:tr><w:tr>"
    + cell("单格")
    + "</w:tr></w:tbl>",
    "runs": "<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t>"
    "<w:noBreakHyphen/><w:cr/></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>"
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    "textbox": '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    "<w:txbxContent>" + para("框内文字") + "</w:txbxContent></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><w:txbxContent>" + para("框内文字")
    + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    "<w:tbl><w:tr><w:tc><w:tbl><w:tr>" + cell("内") + cell("表") + "</w:tr></w:tbl></w:tc>"
    + cell("外") + "</w:tr></w:tbl>",
}


def docx(body, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("word/document.xml", document(body)),
        ]:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return buf.getvalue()


def docx_seeds():
    for name, body in DOCX_BODIES.items():
        # Raw XML: the target stores it in an archive itself.
        write("docx", f"{name}.xml", document(body))
    write("docx", "table.docx", docx(DOCX_BODIES["table"]))
    write("docx", "runs-stored.docx", docx(DOCX_BODIES["runs"], zipfile.ZIP_STORED))
    strict = document(para("严格")).replace(W, "http://purl.oclc.org/ooxml/wordprocessingml/main")
    write("docx", "strict.xml", strict)
    write("docx", "utf16.xml", document(para("十六位")).replace('"UTF-8"', '"UTF-16"').encode("utf-16"))


def pdf(objs):
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs):
        offsets.append(len(out))
        out += f"{i + 1} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def stream(extra, data):
    return f"<< /Length {len(data)} {extra} >>\nstream\n".encode() + data + b"\nendstream"


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def pdf_pages(contents, font=HELVETICA, extra=(), filt=False):
    n = len(contents)
    font_id = 3 + 2 * n
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode()]
    for i, content in enumerate(contents):
        objs.append(
            (
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {4 + 2 * i} 0 R >>"
            ).encode()
        )
        objs.append(stream("/Filter /FlateDecode", zlib.compress(content)) if filt else stream("", content))
    objs.append(font)
    objs.extend(extra)
    return pdf(objs)


def pdf_seeds():
    page = b"BT /F1 12 Tf 72 720 Td (GDP growth 6 percent) Tj ET"
    table = (
        b"BT /F1 10 Tf 72 700 Td (Indicator) Tj 200 0 Td (2025) Tj ET\n"
        b"BT /F1 10 Tf 72 686 Td (R&D intensity) Tj 200 0 Td (3.5%) Tj ET\n"
        b"BT /F1 10 Tf 72 672 Td [(Kern)-200(ed)] TJ T* (next line) ' ET"
    )
    write("pdf", "one-page.pdf", pdf_pages([page]))
    write("pdf", "two-pages-flate.pdf", pdf_pages([page, table], filt=True))
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CMapName /Custom def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"2 beginbfchar <0001> <56FD> <0002> <5185> endbfchar\n"
        b"1 beginbfrange <0003> <0004> <751F> endbfrange\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Custom /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"
    )
    extra = [
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Custom "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        stream("", cmap),
    ]
    write("pdf", "tounicode.pdf", pdf_pages([b"BT /F1 12 Tf 72 720 Td <0001000200030004> Tj ET"], font, extra))
    gb_font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [6 0 R] >>"
    )
    gb_extra = [
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>"
    ]
    hexgb = "国内生产总值".encode("utf-16-be").hex().upper().encode()
    write("pdf", "unigb.pdf", pdf_pages([b"BT /F1 12 Tf 72 720 Td <" + hexgb + b"> Tj ET"], gb_font, gb_extra))
    # (page-tree-cycle.pdf: a hang the fuzzer found, kept as a regression seed.)
    for name in ["encrypted-rc4.pdf", "owner-password-only.pdf", "cjk-libreoffice.pdf", "page-tree-cycle.pdf"]:
        write("pdf", name, (FIXTURES / name).read_bytes())


def main():
    for target in ["decode_text", "extract_bytes", "html", "docx", "pdf"]:
        shutil.rmtree(SEEDS / target, ignore_errors=True)
    text_seeds()
    html_seeds()
    docx_seeds()
    pdf_seeds()


if __name__ == "__main__":
    main()
