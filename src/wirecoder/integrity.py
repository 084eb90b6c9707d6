"""Check that an installed package's files are the ones its wheel shipped.

pip records a sha256 for every installed file in the distribution's ``RECORD``.  The model
package is large, binary and loaded blindly by spaCy, so we verify it before loading: a
truncated or tampered file gives a clear error with the repair command instead of a crash
deep inside thinc.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from wirecoder.errors import ModelError

REPAIR_HINT = (
    "repair it with 'make install' or 'pip install --force-reinstall --require-hashes -r requirements/core.lock'"
)


def _file_digest(path) -> str:  # type: ignore[no-untyped-def]
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return base64.urlsafe_b64encode(h.digest()).rstrip(b"=").decode()


def distribution_problems(dist_name: str) -> list[str]:
    """Files of an installed distribution that are missing or differ from their RECORD hash."""
    try:
        dist = distribution(dist_name)
    except PackageNotFoundError:
        return [f"package '{dist_name}' is not installed"]
    problems: list[str] = []
    for file in dist.files or []:
        if file.hash is None or file.hash.mode != "sha256":
            continue  # RECORD itself, and .pyc files compiled after install, carry no hash
        path = file.locate()
        if not path.exists():
            problems.append(f"missing file {file}")
        elif _file_digest(path) != file.hash.value:
            problems.append(f"file {file} does not match its recorded sha256")
    return problems


@lru_cache(maxsize=8)
def verify_model_package(module_name: str) -> None:
    """Raise ModelError when the model package's files are missing or altered (once per process)."""
    if "/" in module_name or Path(module_name).exists():
        return  # a model folder on disk: no wheel RECORD to check it against
    dist_name = module_name.replace("_", "-")
    problems = distribution_problems(dist_name)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ModelError(f"spaCy model '{module_name}' is damaged: {problems[0]}{more}; {REPAIR_HINT}")
