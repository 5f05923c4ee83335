"""Validates every signature of a PDF with pyHanko against the given trust roots.

Usage: validate-pdf-signatures.py ROOTS.pem FILE.pdf
Prints one JSON object: {"signatures": [...]} with, per signature, whether it is intact, valid
and trusted, its coverage, and its timestamp (time and whether it validates).
"""
import json
import sys

from pyhanko.keys import load_certs_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext


def main(roots_path: str, pdf_path: str) -> None:
    roots = list(load_certs_from_pemder([roots_path]))
    # Certificates of a landlord's own authority carry no revocation endpoints: nothing to fetch.
    context = lambda: ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
    out = []
    with open(pdf_path, "rb") as f:
        reader = PdfFileReader(f, strict=False)
        for sig in reader.embedded_signatures:
            try:
                status = validate_pdf_signature(sig, signer_validation_context=context(), ts_validation_context=context())
            except Exception as error:  # a broken signature is reported, not raised
                out.append({"field": sig.field_name, "intact": False, "valid": False, "trusted": False, "coverage": None,
                            "signer": None, "timestamp": None, "timestampValid": False, "bottomLine": False,
                            "modificationLevel": None, "error": str(error)})
                continue
            ts = status.timestamp_validity
            out.append({
                "field": sig.field_name,
                "intact": status.intact,
                "valid": status.valid,
                "trusted": status.trusted,
                "coverage": status.coverage.name if status.coverage else None,
                "signer": status.signing_cert.subject.human_friendly if status.signing_cert else None,
                "timestamp": ts.timestamp.isoformat() if ts else None,
                "timestampValid": bool(ts and ts.intact and ts.valid and ts.trusted),
                "bottomLine": status.bottom_line,
                "modificationLevel": status.modification_level.name if status.modification_level else None,
            })
    print(json.dumps({"signatures": out}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
