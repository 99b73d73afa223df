"""PDFium (the reader in transforms/readers/pdf.py) against pdfminer.six, the reader it replaced.

    python -m benchmarks.bench_pdf_readers [--count 40] [--seed 11]

Both read the text lines of every page of the bundled sample PDF and of COUNT generated
PDFs (benchmarks/generate.py, format pdf); both go through the same page-furniture removal
and clean_text. Prints CPU seconds per PDF and per page for each reader and every place the
two cleaned texts differ (with a few characters around), and writes
benchmarks/results/pdf-readers.json.
"""
from __future__ import annotations

import argparse
import difflib
import io
import json
import os
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def pdfminer_page_lines(data: bytes) -> list:
    """The text lines of every page as the reader read them before (pdfminer, LAParams)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTContainer, LTTextLine

    from transforms.readers.pdf import MAX_PAGES, PdfLine, collapse_letter_spacing

    def lines(element):
        if isinstance(element, LTTextLine):
            text = collapse_letter_spacing(element.get_text().strip("\n").rstrip())
            if text.strip():
                yield PdfLine(element.y1, element.y0, text)
        elif isinstance(element, LTContainer):
            for child in element:
                yield from lines(child)

    layouts = extract_pages(io.BytesIO(data), laparams=LAParams(all_texts=True), maxpages=MAX_PAGES)
    return [list(lines(layout)) for layout in layouts]


def cleaned(pages: list) -> str:
    from transforms.clean import clean_text
    from transforms.readers.pdf import drop_page_furniture

    return clean_text("\n".join(line.text for page in drop_page_furniture(pages) for line in page))


def main(argv: list[str] | None = None) -> None:
    from benchmarks.generate import generate
    from transforms.readers.pdf import extract_page_lines

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="pdf-readers-") as folder:
        generate(folder, args.count, args.seed, broken_share=0, formats=("pdf",), workers=1)
        files = [ROOT / "data" / "samples" / "gansu-2024.pdf", *sorted(Path(folder, "reports").glob("*.pdf"))]
        readers = {"pdfium": extract_page_lines, "pdfminer": pdfminer_page_lines}
        seconds = dict.fromkeys(readers, 0.0)
        pages, differences = 0, []
        for path in files:
            data = path.read_bytes()
            texts = {}
            for name, read in readers.items():
                started = time.process_time()
                lines = read(data)
                seconds[name] += time.process_time() - started
                texts[name] = cleaned(lines)
            pages += len(lines)
            if texts["pdfium"] != texts["pdfminer"]:
                old, new = texts["pdfminer"], texts["pdfium"]
                changes = [f"{old[max(0, i1 - 8):i2 + 8]!r} -> {new[max(0, j1 - 8):j2 + 8]!r}"
                           for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False)
                           .get_opcodes() if op != "equal"]
                differences.append({"file": path.name, "pdfminer -> pdfium": changes[:10]})
    result = {
        "files": len(files), "pages": pages,
        "cpu_s": {name: round(value, 2) for name, value in seconds.items()},
        "cpu_ms_per_page": {name: round(1000 * value / pages, 1) for name, value in seconds.items()},
        "files_with_different_text": len(differences), "differences": differences,
        "machine": {"cpus": os.cpu_count(), "load_before": [round(x, 2) for x in load_before],
                    "load_after": [round(x, 2) for x in os.getloadavg()]},
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    for name in readers:
        print(f"{name:<9} {result['cpu_s'][name]:>7.2f} s CPU for {len(files)} PDFs, {pages} pages: "
              f"{result['cpu_ms_per_page'][name]} ms per page")
    print(f"{len(differences)} of {len(files)} PDFs read differently (after cleaning):")
    for difference in differences:
        print(f"  {difference['file']}")
        for change in difference["pdfminer -> pdfium"]:
            print(f"    {change}")
    out = HERE / "results" / "pdf-readers.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"load average before {result['machine']['load_before']}, after "
          f"{result['machine']['load_after']}; results in {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
