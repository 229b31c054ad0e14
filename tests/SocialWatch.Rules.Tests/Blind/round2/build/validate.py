"""Checks both sets: JSON per line, fields, ids unique, replies resolve, time order, images exist, labels valid.
Prints the counts table used in README.md."""
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = {"impersonation", "confidential_leak", "misrepresentation"}
PLATFORMS = ["x", "facebook", "bluesky", "mastodon", "rss"]
ok = True


def fail(msg):
    global ok
    ok = False
    print("FAIL", msg)


for s in ["leigh", "marshbury"]:
    d = ROOT / s
    watch = json.loads((d / "watch.json").read_text())["Watch"]
    for f in watch["Organisation"]["LogoFiles"]:
        if not (d / f).is_file():
            fail(f"{s}: logo {f} missing")
    staff = {(a["Platform"], a["Id"]) for a in watch["StaffAccounts"]}
    official = {(a["Platform"], a["Id"]) for a in watch["OfficialAccounts"]}
    lines = (d / "heldout.jsonl").read_text(encoding="utf-8").splitlines()
    ids, prev, recs = set(), "", []
    for n, line in enumerate(lines, 1):
        # the same check as `python3 -m json.tool` on each line
        if subprocess.run([sys.executable, "-m", "json.tool"], input=line.encode(), capture_output=True).returncode:
            fail(f"{s}:{n} not JSON")
            continue
        r = json.loads(line)
        recs.append(r)
        for k in ("platform", "id", "url", "created_at", "text", "author", "expect", "note"):
            if k not in r:
                fail(f"{s}:{n} lacks {k}")
        for k in ("id", "handle", "display_name", "bio"):
            if k not in r["author"]:
                fail(f"{s}:{n} author lacks {k}")
        if r["platform"] not in PLATFORMS:
            fail(f"{s}:{n} platform {r['platform']}")
        if r["id"] in ids:
            fail(f"{s}:{n} duplicate id")
        if r.get("in_reply_to") and r["in_reply_to"] not in ids:
            fail(f"{s}:{n} in_reply_to does not resolve to an earlier record")
        ids.add(r["id"])
        if r["created_at"] < prev:
            fail(f"{s}:{n} out of time order")
        prev = r["created_at"]
        av = r["author"].get("avatar")
        if av and not (d / av).is_file():
            fail(f"{s}:{n} avatar {av} missing")
        if not set(r["expect"]) <= LABELS or len(set(r["expect"])) != len(r["expect"]):
            fail(f"{s}:{n} bad expect {r['expect']}")
        key = (r["platform"], r["author"]["id"])
        if "confidential_leak" in r["expect"] and key not in staff:
            fail(f"{s}:{n} leak label on a non-staff author")
        if key in official and r["expect"]:
            fail(f"{s}:{n} official account labelled")
        if r["text"] == "" and set(r["expect"]) - {"impersonation"}:
            fail(f"{s}:{n} account-only record with a post label")
    c = Counter()
    plat = Counter(r["platform"] for r in recs)
    for r in recs:
        for e in r["expect"]:
            c[e] += 1
        c["none"] += not r["expect"]
        c["multi"] += len(r["expect"]) > 1
        c["account-only"] += r["text"] == ""
        c["replies"] += "in_reply_to" in r
        c["staff"] += (r["platform"], r["author"]["id"]) in staff
        c["official"] += (r["platform"], r["author"]["id"]) in official
    print(f"| {s}/heldout.jsonl | {len(recs)} | {c['impersonation']} | {c['confidential_leak']} | {c['misrepresentation']} | "
          f"{c['none']} | {c['multi']} | {c['account-only']} | {c['replies']} | {c['staff']} | {c['official']} | "
          + " / ".join(f"{p} {plat[p]}" for p in PLATFORMS) + " |")
    for lab in sorted(LABELS) + ["none"]:
        pc = Counter(r["platform"] for r in recs if (lab in r["expect"]) or (lab == "none" and not r["expect"]))
        print(f"|   {s} {lab} by platform | " + " / ".join(f"{p} {pc[p]}" for p in PLATFORMS) + " |")
print("OK" if ok else "FAILED")
sys.exit(0 if ok else 1)
