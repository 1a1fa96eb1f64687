"""Print the passages of a contract a labeller reads for the playbook labels: raw text around keywords of each
topic (never the pipeline's output). python bench/playbook_read.py cuad:<doc_id>|docx:<form> [TOPICS] [WIDTH]"""
import re, sys
from pathlib import Path
DATA = Path("/work/shared/data")
TOPICS = {
 "PARTIES": r"\b(between|by and among|hereinafter|\(the \"|\(\"|referred to as)\b",
 "CAP/LIAB": r"liabilit|liable|consequential|indirect|lost profits|in no event",
 "INDEMN": r"indemnif|hold harmless|defend",
 "TERMIN": r"terminat",
 "RENEW": r"renew|extend|extension|evergreen|successive",
 "LAW": r"governed by|governing law|laws of|construed in accordance",
 "EXCL": r"exclusiv|compet|sole source|solely from|only from",
 "SOLICIT": r"solicit|hire|employ",
 "PRICE": r"price|increase|adjust",
 "PAY": r"invoice|payable|within \w+ \(?\d*\)? ?days|net \d+|due and pay|payment",
 "CONF": r"confidential",
 "IP": r"assign(s|ment)? (to|all)|work(s)? made for hire|right, title and interest|own(s|ership)?\b|property of",
 "LD": r"liquidated|penalt",
 "MFN": r"most favou?red|no less favou?rable|more favou?rable|best price|lowest price",
}
def text_of(doc):
    kind, _, name = doc.partition(":")
    if kind == "cuad":
        return (DATA / "cuad" / "txt" / f"{name}.txt").read_text(encoding="utf-8")
    if kind == "docx":
        import docx
        p = next((DATA / "docx" / "templates").glob(f"*/{name}/template.docx"))
        d = docx.Document(str(p))
        return "\n".join(par.text for par in d.paragraphs) + "\n" + "\n".join(
            c.text for t in d.tables for r in t.rows for c in r.cells)
    return Path(doc).read_text()
def main():
    doc = sys.argv[1]
    topics = sys.argv[2].split(",") if len(sys.argv) > 2 and sys.argv[2] else list(TOPICS)
    width = int(sys.argv[3]) if len(sys.argv) > 3 else 260
    t = text_of(doc)
    flat = re.sub(r"[ \t]+", " ", t)
    print(f"# {doc} ({len(t)} chars)")
    for name in topics:
        rx = re.compile(TOPICS[name], re.I)
        last = -10**9
        out = []
        for m in rx.finditer(flat):
            if m.start() < last + width: continue
            s = max(0, m.start() - width); e = min(len(flat), m.end() + width)
            out.append(" ".join(flat[s:e].split()))
            last = m.start()
        if name == "PARTIES": out = out[:2]
        print(f"## {name} ({len(out)})")
        for o in out[:9]: print("  -", o)
main()
