"""docs/benchmarks.md from one run's measurements: ratios first, then the absolute numbers."""

from __future__ import annotations

from collections.abc import Callable

Results = dict[str, dict]

#: (label, how to compute it, target text, test against the target or None).
Ratio = tuple[str, Callable[[Results, int], float | None], str, Callable[[float], bool] | None]


def _ok(result: dict | None) -> bool:
    return bool(result) and "error" not in result and result.get("seconds")


def _ratio(results: Results, top: str, bottom: str, key_top: str = "seconds", key_bottom: str = "seconds"):
    a, b = results.get(top), results.get(bottom)
    if not (_ok(a) and _ok(b)) or not b.get(key_bottom):
        return None
    return a[key_top] / b[key_bottom]


def _scaling(results: Results, one: str, many: str, workers: int, key: str = "seconds") -> float | None:
    ratio = _ratio(results, one, many, key, key)
    return ratio / workers if ratio is not None else None


def _steady_scaling(results: Results, one: str, many: str, workers: int) -> float | None:
    """Speed-up per worker after start-up, from each run's characters per second once running."""
    rates = []
    for key in (one, many):
        r = results.get(key)
        if not _ok(r) or not r.get("after_startup_s"):
            return None
        rates.append(r["after_startup_chars"] / r["after_startup_s"])
    return rates[1] / rates[0] / workers


def _worker_peak(results: Results) -> float | None:
    peaks = [r.get("worker_peak_rss_mb") for k, r in results.items() if k.startswith(("local", "ray")) and _ok(r)]
    peaks = [p for p in peaks if p]
    return max(peaks) if peaks else None


def _interleaved_overhead(results: Results) -> float | None:
    """All steps / spaCy's steps, from the stage timing: both timed batch by batch in one process."""
    r = results.get("stages")
    if not _ok(r):
        return None
    stages: dict[str, float] = r["stages"]
    spacy_steps = set(r.get("pipe_names", [])) - WIRECODER_STAGES
    spacy = sum(v for k, v in stages.items() if k in spacy_steps or k.startswith("make_doc"))
    return sum(stages.values()) / spacy if spacy else None


WIRECODER_STAGES = {"zones", "actors", "time", "quotes", "events"}

RATIOS: tuple[Ratio, ...] = (
    (
        "1 worker: end-to-end time / bare `nlp.pipe` time",
        lambda r, n: _ratio(r, "local_1", "bare_1"),
        "<= 1.25 (goal 1.15)",
        lambda v: v <= 1.25,
    ),
    (
        "1 worker, timed batch by batch in one process: all steps / spaCy's steps",
        lambda r, n: _interleaved_overhead(r),
        "<= 1.25 (goal 1.15)",
        lambda v: v <= 1.25,
    ),
    (
        "N workers: throughput / bare N-process `nlp.pipe` throughput",
        lambda r, n: _ratio(r, "bare_n", "local_n"),
        ">= 0.85",
        lambda v: v >= 0.85,
    ),
    (
        "local engine: N-worker speed-up / N",
        lambda r, n: _scaling(r, "local_1", "local_n", n),
        "(for reading)",
        None,
    ),
    (
        "bare spaCy: N-process speed-up / N",
        lambda r, n: _scaling(r, "bare_1", "bare_n", n),
        "(what the machine allows)",
        None,
    ),
    (
        "Ray: N-worker speed-up / N after start-up",
        lambda r, n: _steady_scaling(r, "ray_1", "ray_n", n),
        ">= 0.8",
        lambda v: v >= 0.8,
    ),
    ("peak RSS of one wirecoder worker (MB)", lambda r, n: _worker_peak(r), "<= 1024", lambda v: v <= 1024),
)

#: The same comparisons in CPU seconds, which a busy machine hardly disturbs.
CPU_RATIOS: tuple[Ratio, ...] = (
    (
        "1 worker: CPU time / bare `nlp.pipe` CPU time",
        lambda r, n: _ratio(r, "local_1", "bare_1", "cpu_s", "cpu_s"),
        "<= 1.25 (goal 1.15)",
        lambda v: v <= 1.25,
    ),
    (
        "N workers: bare N-process CPU time / wirecoder N-worker CPU time",
        lambda r, n: _ratio(r, "bare_n", "local_n", "cpu_s", "cpu_s"),
        ">= 0.85",
        lambda v: v >= 0.85,
    ),
    (
        "local engine: CPU time with N workers / with 1 (start-up and transfer cost)",
        lambda r, n: _ratio(r, "local_n", "local_1", "cpu_s", "cpu_s"),
        "(for reading)",
        None,
    ),
)


def _fmt(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def ratio_table(results: Results, workers: int, ratios: tuple[Ratio, ...] = RATIOS) -> list[str]:
    lines = ["| measure (same run) | value | target | met |", "|---|---:|---|:-:|"]
    for label, compute, target, check in ratios:
        value = compute(results, workers)
        met = "" if check is None or value is None else ("yes" if check(value) else "**no**")
        digits = 0 if "MB" in label else 2
        lines.append(f"| {label.replace('N', str(workers))} | {_fmt(value, digits)} | {target} | {met} |")
    return lines


_ROWS = (
    ("bare_1", "bare spaCy `nlp.pipe`"),
    ("local_1", "wirecoder, local engine"),
    ("bare_n", "bare spaCy `nlp.pipe(n_process=N)`"),
    ("local_n", "wirecoder, local engine"),
    ("ray_1", "wirecoder, Ray engine"),
    ("ray_n", "wirecoder, Ray engine"),
)


def throughput_table(results: Results, tokens: int | None, workers: int) -> list[str]:
    lines = [
        "| configuration | workers | seconds | CPU s | articles/s (after start-up) | tokens/s (after start-up) "
        "| start-up s | peak RSS per worker MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, label in _ROWS:
        r = results.get(key)
        if r is None:
            continue
        name = label.replace("=N", f"={workers}")
        if "error" in r:
            lines.append(f"| {name} | {r.get('workers')} | failed: {r['error'].splitlines()[-1][:80]} | | | | | |")
            continue
        seconds = r["seconds"]
        steady = r.get("after_startup_s") if key.startswith("ray") else None
        startup = r.get("startup_s") if steady else None
        rate = r["articles"] / seconds
        tok = f"{tokens / seconds:,.0f}" if tokens else "n/a"
        if steady:
            rate_text = f"{rate:.2f} ({r['after_startup_articles'] / steady:.2f})"
            share = r["after_startup_chars"] / r["chars"]
            tok = f"{tok} ({tokens * share / steady:,.0f})" if tokens else tok
        else:
            rate_text = f"{rate:.2f}"
        peak = r.get("worker_peak_rss_mb")
        lines.append(
            f"| {name} | {r['workers']} | {seconds:.1f} | {_fmt(r.get('cpu_s'), 1)} | {rate_text} | {tok} "
            f"| {_fmt(startup, 1)} | {_fmt(peak, 0)} |"
        )
    return lines


def startup_notes(results: Results) -> list[str]:
    """One-off costs kept out of the table: they are paid once per process, not per article."""
    notes = []
    local = results.get("local_n")
    if _ok(local) and local.get("first_pool_s"):
        notes.append(f"The local engine's first pool took {local['first_pool_s']:.1f} s (the fork server imports")
        notes.append("wirecoder and loads the pipeline; later pools in the same process reuse it).")
    rays = [r for k, r in results.items() if k.startswith("ray") and _ok(r) and r.get("ray_init_s")]
    if rays:
        inits = ", ".join(f"{r['ray_init_s']:.1f}" for r in rays)
        notes.append(f"`ray.init` took {inits} s (not counted).")
    return notes or ["(no start-up figures)"]


def stage_table(results: Results) -> list[str]:
    r = results.get("stages")
    if not _ok(r):
        return [f"(stage timing failed: {r.get('error', 'not run') if r else 'not run'})"]
    stages: dict[str, float] = r["stages"]
    total = sum(stages.values())
    lines = ["| step | seconds | share |", "|---|---:|---:|"]
    for name, seconds in stages.items():
        label = f"wirecoder stage `{name}`" if name in WIRECODER_STAGES else name
        lines.append(f"| {label} | {seconds:.2f} | {seconds / total:.1%} |")
    lines.append(f"| **sum** | **{total:.2f}** | 100% |")
    ours_names = WIRECODER_STAGES
    spacy_names = set(r.get("pipe_names", [])) - ours_names
    spacy = sum(v for k, v in stages.items() if k in spacy_names)
    ours = sum(v for k, v in stages.items() if k in ours_names)
    rest = total - spacy - ours
    lines += [
        "",
        f"spaCy components {spacy:.2f} s, wirecoder stages {ours:.2f} s ({ours / spacy:.1%} on top of spaCy), "
        f"the rest (doc setup, records, JSON) {rest:.2f} s.",
    ]
    if "zones" in stages:
        lines.append(f"The zones stage takes {stages['zones'] / total:.2%} of the whole pipeline's time.")
    return lines


def profile_section(results: Results, profile_articles: int) -> list[str]:
    r = results.get("profile")
    if not r or "error" in r:
        return [f"(profile failed: {r.get('error') if r else 'not run'})"]
    lines = [f"pyinstrument, in-process pipeline over the first {profile_articles} articles "
             f"({r['seconds']:.1f} s profiled). Self time by area:", "",
             "| area | share of self time |", "|---|---:|"]  # fmt: skip
    lines += [f"| {area} | {share:.1%} |" for area, share in r["areas"].items()]
    lines += ["", "Top functions by self time:", "", "| function | share |", "|---|---:|"]
    lines += [f"| `{f['function']}` | {f['share']:.1%} |" for f in r["top_functions"]]
    return lines


def render_report(meta: dict, results: Results, profile_tree: str = "") -> str:
    m = meta["machine"]
    n = meta["workers"]
    tokens = results.get("bare_1", {}).get("tokens")
    corpus = meta["corpus"]
    per_corpus = ", ".join(f"{k} {v}" for k, v in meta["per_corpus"].items())
    repeat = meta.get("repeat", 1)
    repeat_note = f", fastest of {repeat} runs per bare/local configuration" if repeat > 1 else ""
    out = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`bench/run.py`); do not edit by hand. Every configuration runs in its own",
        "fresh Python process, one after the other, over the same articles **in the same run**, so the",
        "ratios below compare like with like even when the machine is busy. Absolute numbers move between",
        "runs (this machine is shared); the ratios are what to track.",
        "",
        f"Run: `{meta['command']}` on {m['date']}, commit {m['commit']}, {meta['elapsed_s'] / 60:.1f} minutes"
        f"{repeat_note}.",
        f"Load average before / after: {m['load_average']} / {meta['load_average_after']} "
        f"(above {m['usable_cores']} means other work shared the cores).",
        "",
        f"Corpus: {corpus['articles']} Wikinews articles ({per_corpus}), {corpus['chars']:,} characters, "
        f"{tokens:,} tokens"
        if tokens
        else f"Corpus: {corpus['articles']} articles",
        f"(median {corpus['median_chars']:,} characters, longest {corpus['max_chars']:,}), "
        "taken in turn from each file; `--limit` sets how many.",
        "",
        "## Ratios",
        "",
        "Wall-clock time, as a user sees it:",
        "",
        *ratio_table(results, n),
        "",
        "CPU time (user + system, all processes of the configuration), which other work on the machine",
        "hardly changes; when the load average was above the core count, trust these more:",
        "",
        *ratio_table(results, n, CPU_RATIOS),
        "",
        "## Throughput and memory",
        "",
        *throughput_table(results, tokens, n),
        "",
        *startup_notes(results),
        "",
        "## Time per stage (one worker)",
        "",
        "Each spaCy component and wirecoder stage timed alone over the same batches as the pipeline",
        "makes (checked to give the same records as `process`).",
        "",
        *stage_table(results),
        "",
        "## Profile",
        "",
        *profile_section(results, meta["profile_articles"]),
        "",
        "## Machine",
        "",
        f"- CPU: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['memory_gb']} GB memory, {m['os']}",
        f"- Python {m['python']}, spaCy {m['spacy']}, model {m['model']}, pydantic {m['pydantic']}, Ray {m['ray']}",
        f"- Settings: batch_size {m['batch_size']}, batch_chars {m['batch_chars']}",
        "",
        "## How it is measured",
        "",
        "- **bare**: `spacy.load(model)` without the wirecoder stages, `nlp.pipe(texts, batch_size=batch_size)`;",
        "  with N workers `n_process=N` (spaCy forks workers from the loaded parent and sends Docs back).",
        "- **wirecoder, local engine**: `run_local` end to end (documents in, result records out). One worker runs",
        "  in-process after the model is loaded. For N workers a first tiny run starts the engine's fork server,",
        "  which loads the pipeline once per calling process (reported below, not in the table); the timed run",
        "  then forks its N workers from it, as spaCy's `n_process` forks from its loaded parent.",
        "- **wirecoder, Ray engine**: a private local Ray (`ray.init` not counted). Each `run_ray` call starts an",
        "  actor pool; the benchmark has Ray Data wait for every actor to load the pipeline before it hands out",
        "  the first batch, so when the first batch comes back (the start-up column) each actor has done about",
        "  one batch. **After start-up** is the remaining batches over the remaining time (tokens pro rata of",
        "  characters); the scaling efficiency compares these rates in characters per second. Ray CPU is not",
        "  reported: its actors' start-up cannot be told apart from their work.",
        "- Every configuration first runs one short warm-up article (off the clock), so data the stages load",
        "  on first use is not billed to the first batch; the workers of the engines do the same at start-up.",
        "- **CPU s**: `getrusage` of the process and its finished children; Ray actors' CPU is read from",
        "  `/proc/<pid>/stat` and includes their start-up, as the local engine's workers' CPU does.",
        "- **tokens/s** uses the token count of the bare run (same texts, same tokenizer) for every row.",
        "- **peak RSS per worker**: `getrusage` (the process itself, or its largest child); Ray actors are",
        "  not children, so their kernel high-water mark (`VmHWM`) is read from `/proc` while they run.",
        "- BLAS/OpenMP are limited to one thread per process, so workers are the only parallelism.",
        "- The second ratio is the steadiest: spaCy's steps (tokenizer and components) and wirecoder's steps are",
        "  timed alternately on every batch in one process, so other work on the machine slows both alike.",
        "- Quick mode: `python bench/run.py --limit 60`; `--repeat 3` runs the bare/local pairs three times",
        "  (alternating) and keeps the fastest; `--no-ray` skips Ray; `--json FILE` keeps the raw numbers.",
        "",
    ]
    if profile_tree:
        tree = "\n".join(profile_tree.splitlines()[:80])
        out += ["<details><summary>pyinstrument call tree (first 80 lines)</summary>", "", "```", tree, "```",
                "", "</details>", ""]  # fmt: skip
    return "\n".join(out)
