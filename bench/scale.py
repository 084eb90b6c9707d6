"""``make bench-scale``: the cost curve, ingests of growing size, and Ray against the local engine.

    python bench/scale.py --shared ../shared --out docs/benchmarks.md [--sizes 100,1000,4000]
                          [--ray-size 1000] [--no-ray] [--workers 2]

Each size is the first N non-empty articles of the Wikinews politics corpus, ingested into a
fresh store by ``bench/scale_measure.py`` in its own interpreter (the local engine with
``--workers`` workers): articles/s, peak RSS of the driver and of each worker, store size.
Right after the local run at ``--ray-size`` the same articles go through the Ray engine, so the
two compare under the same load.  The report is one section of ``docs/benchmarks.md``, between
markers, rewritten after every size (a run cut short keeps what it measured); the sections
``make bench`` writes are left as they are (and ``make bench`` keeps this one).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CorpusMissing, _articles, corpus_paths, write_articles
from machine import load_average, machine_details

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
START, END = "<!-- bench-scale:start -->", "<!-- bench-scale:end -->"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--sizes", default="100,1000,4000", help="corpus sizes, comma-separated")
    parser.add_argument("--ray-size", type=int, default=1000, help="the size also run on Ray (0: none)")
    parser.add_argument("--no-ray", action="store_true")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--note", default="", help="a line to add under the tables (e.g. the machine's load)")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw measurements here")
    return parser.parse_args(argv)


def measure(articles_file: Path, db: Path, engine: str, workers: int) -> dict:
    command = [sys.executable, str(BENCH / "scale_measure.py"), "--articles", str(articles_file), "--db", str(db)]
    command += ["--engine", engine, "--workers", str(workers)]
    load = load_average()
    print(f"  {engine} x{workers} {articles_file.stem} ...", end="", flush=True, file=sys.stderr)
    proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        print(" failed", file=sys.stderr)
        return {"engine": engine, "error": "\n".join(proc.stderr.strip().splitlines()[-3:])}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["load_before"], result["load_after"] = load, load_average()
    print(f" {result['seconds']:.0f} s", file=sys.stderr)
    return result


def run(args: argparse.Namespace) -> int:
    try:
        politics = _articles(corpus_paths(args.shared)["wikinews-politics"])
    except CorpusMissing as exc:
        print(f"bench-scale: {exc}", file=sys.stderr)
        return 0
    sizes = [int(n) for n in args.sizes.split(",") if n.strip()]
    meta = {"machine": machine_details(ROOT), "command": " ".join(["python", *sys.argv]), "note": args.note,
            "available": len(politics), "started": time.time()}  # fmt: skip
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="wirecoder-scale-") as tmp:
        for size in sizes:
            chosen = politics[:size]
            source = Path(tmp) / f"{len(chosen)}-articles.jsonl"
            write_articles(chosen, source)
            runs = [("local", size)] + ([("ray", size)] if size == args.ray_size and not args.no_ray else [])
            for engine, n in runs:
                rows.append(measure(source, Path(tmp) / f"{engine}-{n}.duckdb", engine, args.workers))
                write_section(args.out, render(meta, rows))
                if args.json:
                    args.json.write_text(json.dumps({"meta": meta, "rows": rows}, indent=2))
    print(f"bench-scale: wrote {args.out}", file=sys.stderr)
    return 0


def _mb(values: list[float]) -> str:
    return ", ".join(f"{v:,.0f}" for v in values) or "n/a"


def render(meta: dict, rows: list[dict]) -> str:
    m = meta["machine"]
    minutes = (time.time() - meta["started"]) / 60
    lines = [
        START,
        "## Cost curve (`make bench-scale`)",
        "",
        "Written by `make bench-scale` (`bench/scale.py`); `make bench` keeps this section. Each row is one",
        "ingest into a fresh store, in a fresh interpreter, of the first N non-empty articles of the",
        f"Wikinews politics corpus ({meta['available']:,} available), with the local engine unless marked Ray.",
        "*After start-up* is the rate over the second half of the results (loading the model in the workers,",
        "and starting Ray, are paid once per run); it also shows whether ingesting slows as the store grows.",
        "Every size runs the pool (the engine would run a short input in-process). Peak RSS is the kernel's",
        "VmHWM of each process; a worker's includes the model pages it shares with the fork server, and its",
        "peak follows the longest article it parsed (one batch), not the number of articles.",
        "",
        f"Run: `{meta['command']}` on {m['date']}, commit {m['commit']}, {minutes:.0f} minutes so far;",
        f"{m['usable_cores']} cores, {m['cpu']}. The load average of each row (before / after) shows the load.",
        "",
        "| articles | characters | longest article | engine | seconds | articles/s | articles/s after start-up |"
        " driver peak MB | worker peak MB (each) | fork server MB | store MB | load before / after |",
        "|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---|",
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| | | | {r['engine']} | failed: {r['error'].splitlines()[-1][:80]} | | | | | | | |")
            continue
        engine = "Ray" if r["engine"] == "ray" else "local"
        lines.append(
            f"| {r['articles']:,} | {r['chars']:,} | {r.get('longest_chars', 0):,} | {engine} x{r['workers']} |"
            f" {r['seconds']:.0f} |"
            f" {r['articles_per_s']:.2f} | {r['after_startup_per_s'] or 0:.2f} | {r['driver_peak_mb']:,.0f} |"
            f" {_mb(r['worker_peak_mb'])} | {_mb(r['fork_server_peak_mb'])} | {r['store_mb']:.1f} |"
            f" {r['load_before'].split()[0]} / {r['load_after'].split()[0]} |"
        )
    lines += ["", *_findings(rows)]
    if meta["note"]:
        lines += ["", meta["note"]]
    lines += [END]
    return "\n".join(lines) + "\n"


def _findings(rows: list[dict]) -> list[str]:
    local = [r for r in rows if r.get("engine") == "local" and "error" not in r]
    out = []
    if len(local) >= 2:
        a, b = local[1] if len(local) > 2 else local[0], local[-1]
        out.append(
            f"- Throughput after start-up, {b['articles']:,} vs {a['articles']:,} articles:"
            f" {b['after_startup_per_s'] / a['after_startup_per_s']:.2f}x"
            f" (characters per article differ between prefixes: {b['chars'] / b['articles']:,.0f} vs"
            f" {a['chars'] / a['articles']:,.0f})."
        )
        out.append(
            f"- Driver peak RSS, {b['articles']:,} vs {a['articles']:,} articles: {b['driver_peak_mb']:,.0f} vs"
            f" {a['driver_peak_mb']:,.0f} MB; largest worker {max(b['worker_peak_mb'], default=0):,.0f} vs"
            f" {max(a['worker_peak_mb'], default=0):,.0f} MB; store {b['store_mb']:.1f} vs {a['store_mb']:.1f} MB."
        )
    for r in rows:
        if r.get("engine") != "ray" or "error" in r:
            continue
        same = next((x for x in local if x["articles"] == r["articles"]), None)
        if same:
            ratio = r["after_startup_per_s"] / same["after_startup_per_s"]
            out.append(
                f"- **Ray / local throughput after start-up, same {r['articles']:,} articles, same run: {ratio:.2f}**"
                f" (target >= 0.9: {'met' if ratio >= 0.9 else 'not met'}); end to end"
                f" {r['articles_per_s'] / same['articles_per_s']:.2f} (Ray's start-up: first result after"
                f" {r['first_result_s']:.0f} s against {same['first_result_s']:.0f} s)."
            )
    return out


def write_section(out: Path, section: str) -> None:
    """Replace the marked section of ``out`` (or append it), leaving the rest as it was."""
    text = out.read_text() if out.exists() else "# Benchmarks\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1].lstrip("\n")
        text = before + section + ("\n" + after if after else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    out.write_text(text)


def keep_section(old: str, new: str) -> str:
    """``new`` (a fresh ``make bench`` report) with the cost-curve section of ``old`` carried over."""
    if START not in old or END not in old:
        return new
    section = START + old.split(START, 1)[1].split(END, 1)[0] + END + "\n"
    return new.rstrip("\n") + "\n\n" + section


def main() -> None:
    sys.exit(run(parse_args()))


if __name__ == "__main__":
    main()
