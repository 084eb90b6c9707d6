"""Put quotation marks and reporting frames together into quotations.

Representation choices (also stated in docs/output-contract.md):

* a quotation split by its attribution ("“X,” he said, “Y.”") and the quoted sentences that
  carry on after it in the same paragraph are ONE quotation: ``start`` is the first opening
  mark, ``end`` the last closing mark (``Draft.parts`` keeps the quoted pieces);
* a quotation running over paragraphs (an unclosed paragraph followed by one that opens with
  a mark) is one quotation too; a paragraph that is only a quotation right after a closed,
  attributed one is a quotation of its own with the same speaker;
* indirect content is the complement clause, "that" included, without the cue or the
  speaker; content with a quoted fragment inside is ``mixed``;
* a quoted term with no reporting verb around it (a scare quote, a title) is no quotation.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Token

from wirecoder.dateline import dateline_end
from wirecoder.quotes.drafts import Draft, Paragraphs, strip_end
from wirecoder.quotes.frames import Frame, QuoteIndex, find_frames
from wirecoder.quotes.labels import LabelSteps
from wirecoder.quotes.lexicon import Lexicon, load_lexicon
from wirecoder.quotes.marks import QuoteSpan, find_quote_spans
from wirecoder.quotes.overlaps import without_repeated_attributions
from wirecoder.quotes.speakers import name_extent
from wirecoder.stage import check_budget

_GAP_LIMIT = 90  # characters between a quotation and a cue that attributes it
_JOIN_LIMIT = 250  # characters of attribution between two parts of one quotation


def assemble(doc: Doc, lexicon: Lexicon | None = None) -> list[Draft]:
    """Every quotation of the document, ordered by start."""
    lexicon = lexicon or load_lexicon()
    builder = _Builder(doc, lexicon)
    return builder.run()


class _Builder(LabelSteps):
    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lexicon = lexicon
        self.spans: list[QuoteSpan] = find_quote_spans(self.text, lexicon)
        self.span_starts = [s.start for s in self.spans]
        self.qindex = QuoteIndex([(s.start, s.end) for s in self.spans])
        self.paras = Paragraphs(self.text)
        self.owner: dict[int, Draft] = {}  # quote span index -> the quotation it belongs to
        self.drafts: list[Draft] = []
        # lookups by paragraph and by cue keep the stage linear on documents with many quotations
        self.by_para: dict[int, list[Draft]] = {}
        self.by_cue: dict[int, Draft] = {}
        self.sent_starts = sentence_starts(doc)

    def _new_sentence_in(self, start: int, end: int) -> bool:
        """Does a sentence (other than one starting exactly at ``end``) start inside (start, end)?"""
        k = bisect.bisect_right(self.sent_starts, start)
        while k < len(self.sent_starts) and self.sent_starts[k] < end:
            if self.text[self.sent_starts[k] : end].strip(" \t\n\u00a0.,;:!?\u2014\u2013-"):
                return True
            k += 1
        return False

    def run(self) -> list[Draft]:
        frames = find_frames(self.doc, self.lexicon, self.qindex)
        check_budget(self.doc)
        frames = [self._colon_content(self._clip_to_paragraph(f)) for f in frames]
        with_content = [f for f in frames if f.content is not None]
        indirect = self._attach_direct(with_content)
        self._add_indirect(indirect)
        self._attribute_adjacent(frames)
        self._join_split_quotes()
        self._join_after_reported()
        self._continue_paragraphs()
        self._add_posts()
        self._add_dash_attributions()
        self._add_colon_speakers()
        return self._finish()

    # ------------------------------------------------------------------ frames with content

    def _tick(self, n: int) -> None:
        if n % 256 == 255:
            check_budget(self.doc)

    def _overlapping(self, start: int, end: int) -> list[int]:
        i = max(0, bisect.bisect_left(self.span_starts, start) - 1)
        found = []
        while i < len(self.spans) and self.spans[i].start < end:
            if self.spans[i].end > start:
                found.append(i)
            i += 1
        return found

    def _clip_to_paragraph(self, frame: Frame) -> Frame:
        """Reported content stays in its cue's paragraph (quotation marks may carry it further),
        after the paragraph's dateline."""
        if frame.content is None:
            return frame
        para_start, para_end = self.paras.bounds(self.paras.index(frame.cue.idx))
        dateline = dateline_end(self.text[para_start:para_end])
        if dateline is not None:  # "LAGOS (AP) — “...,” he said": the dateline is never said
            para_start += dateline
        start, end = max(frame.content[0], para_start), min(frame.content[1], para_end)
        if (start, end) == frame.content:
            return frame
        while start < end and self.text[start].isspace():
            start += 1
        end = strip_end(self.text, start, end)
        frame.content = (start, end) if end - start >= 3 else None
        return frame

    def _colon_content(self, frame: Frame) -> Frame:
        """ "X added: ..." introduces a block: the content runs to the end of the paragraph, or is
        the next paragraph when the colon ends one."""
        if frame.speaker is None or frame.shape in ("according", "study"):
            return frame
        colon = self._colon_after(frame)
        if colon is None:
            return frame
        start = colon + 1
        while start < len(self.text) and self.text[start].isspace():
            start += 1
        if start >= len(self.text):
            return frame
        _, end = self.paras.bounds(self.paras.index(start))
        span_idx = self._overlapping(start, start + 1)
        if span_idx and self.spans[span_idx[0]].start == start:
            end = self.spans[span_idx[0]].end  # "He said: “...”" -> the quotation
        end = strip_end(self.text, start, end)
        if end - start < 3:
            return frame
        return Frame(
            frame.cue,
            frame.cue_span,
            frame.speaker,
            (start, end),
            frame.cls,
            "colon",
            frame.roots,
            frame.negated,
            frame.mention,
        )

    def _colon_after(self, frame: Frame) -> int | None:
        """Offset of a colon closing the attribution ("The governor added:"), if there is one."""
        cue = frame.cue
        for token in cue.doc[cue.i + 1 : cue.i + 12]:
            if frame.content is not None and token.idx >= frame.content[0]:
                return None  # the content began before any colon
            if token.text == ":":
                return (
                    token.idx
                    if token.head.i == cue.i or token.head.is_ancestor(cue) or cue.is_ancestor(token)
                    else None
                )
            if token.is_sent_start or "\n" in token.text:
                return None
        return None

    def _attach_direct(self, frames: list[Frame]) -> list[tuple[Frame, list[int]]]:
        """Frames whose content is quoted text become direct quotations; the rest are returned."""
        rest: list[tuple[Frame, list[int]]] = []
        for frame in frames:
            assert frame.content is not None
            idx = self._overlapping(*frame.content)
            if idx and self._content_is_quoted(frame, idx):
                free = [i for i in idx if i not in self.owner]
                if free:
                    self._new_direct(frame, free, "frame")
                continue
            rest.append((frame, idx))
        return rest

    def _content_is_quoted(self, frame: Frame, idx: list[int]) -> bool:
        """True when nothing but quoted text (and the attribution itself) is in the content."""
        assert frame.content is not None
        start, end = frame.content
        attribution = frame.attribution_tokens()
        for token in self.doc.char_span(start, end, alignment_mode="expand") or []:
            if not token.is_alpha or token.i in attribution or token.lower_ == "that":
                continue
            if any(self.spans[i].start <= token.idx < self.spans[i].end for i in idx):
                continue
            if self._between_quote_and_cue(token, frame, idx):
                continue  # “...,” Tulsa police chief Jordan said: the speaker's name, misparsed
            return False
        return True

    def _between_quote_and_cue(self, token: Token, frame: Frame, idx: list[int]) -> bool:
        before = [self.spans[i].end for i in idx if self.spans[i].end <= token.idx]
        return bool(before) and token.idx < frame.cue.idx and not self._has_quote(token.idx, frame.cue.idx)

    def _new_direct(self, frame: Frame | None, idx: list[int], origin: str) -> Draft:
        parts = [p for i in idx for p in self.spans[i].parts]
        draft = Draft(self.spans[idx[0]].start, self.spans[idx[-1]].end, "direct", parts, origin=origin)
        if frame is not None:
            self._set_frame(draft, frame)
        for i in idx:
            self.owner[i] = draft
        self._add(draft)
        return draft

    def _set_frame(self, draft: Draft, frame: Frame) -> None:
        draft.cue_token, draft.cue_span, draft.cue_type = frame.cue, frame.cue_span, frame.cls
        draft.negated = frame.negated
        if frame.speaker is not None:
            draft.speaker_head = frame.speaker
            mention = frame.mention  # "an architect who said": the text attributes it to "who"
            if mention is not None:
                draft.speaker_span = (mention.idx, mention.idx + len(mention.text))
            else:
                draft.speaker_span = name_extent(frame.speaker)

    def _add_indirect(self, frames: list[tuple[Frame, list[int]]]) -> None:
        # Smaller (nested) contents first: a quoted fragment belongs to the innermost report, and
        # the report around it is only "mixed" when it quotes something of its own.
        frames = sorted(frames, key=lambda fi: fi[0].content[1] - fi[0].content[0] if fi[0].content else 0)
        seen: set[tuple[int, int]] = set()
        for frame, idx in frames:
            assert frame.content is not None
            start, end = frame.content
            for i in idx:  # a quoted fragment cut by the parse is taken whole
                start, end = min(start, self.spans[i].start), max(end, self.spans[i].end)
            if (start, end) in seen:
                continue
            seen.add((start, end))
            quoted = any(i not in self.owner for i in idx)  # British style quotes with single marks too
            draft = Draft(start, end, "mixed" if quoted else "indirect", [(start, end)])
            self._set_frame(draft, frame)
            for i in idx:
                self.owner.setdefault(i, draft)
            self._add(draft)

    # ------------------------------------------------------------------ quotations without a frame

    def _attribute_adjacent(self, frames: list[Frame]) -> None:
        """A quotation with a cue right after or before it: "“X,” he said" / "He said: “X”"."""
        candidates = sorted((f for f in frames if f.speaker is not None), key=lambda f: f.cue.idx)
        cue_starts = [f.cue.idx for f in candidates]
        for i, span in enumerate(self.spans):
            self._tick(i)
            if i in self.owner or not self._quotation_like(span):
                continue
            frame = self._cue_after(span, candidates, cue_starts) or self._cue_before(span, candidates, cue_starts)
            if frame is None:
                frame = self._colon_introduced(span)
            if frame is None:
                continue
            existing = self._direct_draft_of(frame)
            if existing is not None and self.paras.index(existing.start) == self.paras.index(span.start):
                self._extend(existing, i)  # “X,” he said, “Y.”: the second part of the same quotation
            else:
                self._new_direct(frame, [i], "adjacent")

    def _colon_introduced(self, span: QuoteSpan) -> Frame | None:
        """ "The senator scolded him: “...”": a clause ending in a colon introduces the quotation,
        whatever its verb; its subject is the speaker."""
        pos = span.start - 1
        while pos >= 0 and self.text[pos].isspace() and span.start - pos < 6:
            pos -= 1
        if pos < 0 or self.text[pos] != ":":
            return None
        colon = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if colon is None or not len(colon):
            return None
        verb = self._clause_verb_before(colon[0])
        if verb is None:
            return self._name_label(colon[0])
        if self.qindex.containing(verb.idx) is not None:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN", "PRON") or subject.tag_ in ("WDT", "WP"):
            return None
        return Frame(verb, (verb.idx, verb.idx + len(verb.text)), subject, None, "speech", "colon")

    def _name_label(self, colon: Token) -> Frame | None:
        """ "… – Frank Newport: “We found …”": a name alone before the colon labels the quotation,
        where it opens its paragraph or follows a dash or a sentence's end."""
        if colon.i == 0:
            return None
        last = colon.doc[colon.i - 1]
        if last.pos_ != "PROPN" or last.ent_type_ not in ("PERSON", "ORG"):
            return None
        first = last
        while first.i > 0 and first.doc[first.i - 1].ent_type_ == last.ent_type_ and first.ent_iob_ != "B":
            first = first.doc[first.i - 1]
        before = self.text[self.paras.bounds(self.paras.index(first.idx))[0] : first.idx].rstrip()
        if before and before[-1] not in "-–—•|.!?":
            return None
        if self.qindex.containing(first.idx) is not None:
            return None
        return Frame(colon, (colon.idx, colon.idx + 1), last, None, "speech", "label")

    def _clause_verb_before(self, colon: Token) -> Token | None:
        """The verb whose clause ends right at the colon (the parser may hang the colon elsewhere)."""
        doc = colon.doc
        for k in range(colon.i - 1, max(-1, colon.i - 14), -1):
            token = doc[k]
            if token.is_punct and token.text in ".!?":
                return None
            if token.pos_ == "VERB" and token.right_edge.i == colon.i - 1:
                return token
            # the parser may hang the colon on the verb or on the quotation the verb governs
            # ("makes that clear:", "echoed:"); a name
            # right before the colon is a label or a list item instead ("includes Paris:")
            hung = colon.head.i == token.i or (colon.head.i > colon.i and token.right_edge.i > colon.i)
            if token.pos_ == "VERB" and hung and doc[colon.i - 1].pos_ != "PROPN":
                return token
        return None

    def _add(self, draft: Draft) -> None:
        self.drafts.append(draft)
        self._register(draft)
        if draft.kind != "indirect" and draft.cue_token is not None:
            self.by_cue.setdefault(draft.cue_token.i, draft)

    def _register(self, draft: Draft) -> None:
        first, last = self.paras.index(draft.start), self.paras.index(max(draft.start, draft.end - 1))
        for para in range(first, last + 1):
            bucket = self.by_para.setdefault(para, [])
            if draft not in bucket[-3:]:
                bucket.append(draft)

    def _direct_draft_of(self, frame: Frame) -> Draft | None:
        return self.by_cue.get(frame.cue.i)

    def _cue_after(self, span: QuoteSpan, frames: list[Frame], starts: list[int]) -> Frame | None:
        k = bisect.bisect_left(starts, span.end)
        if k >= len(frames):
            return None
        frame = frames[k]
        if not self._reports_nothing_else(frame, span):
            return None
        gap = self.text[span.end : frame.cue.idx]
        if len(gap) > _GAP_LIMIT or "\n" in gap or self._has_quote(span.end, frame.cue.idx):
            return None
        if self._new_sentence_in(span.end, frame.cue.idx) and not self._only_names_between(span.end, frame.cue.idx):
            return None
        return frame

    def _reports_nothing_else(self, frame: Frame, span: QuoteSpan) -> bool:
        """A cue with content of its own elsewhere ("But some note that ...") reports that, not this."""
        return frame.content is None or (frame.content[0] < span.end and span.start < frame.content[1])

    def _only_names_between(self, start: int, end: int) -> bool:
        # “...?” a narrator in the ad asks. — the parser may start a sentence after the quotation;
        # when only a name stands between quotation and cue, the cue still attributes it
        tokens = self.doc.char_span(start, end, alignment_mode="contract") or []
        return not any(t.pos_ in ("VERB", "AUX") for t in tokens)

    def _cue_before(self, span: QuoteSpan, frames: list[Frame], starts: list[int]) -> Frame | None:
        k = bisect.bisect_left(starts, span.start) - 1
        if k < 0:
            return None
        frame = frames[k]
        if not self._reports_nothing_else(frame, span):
            return None
        gap = self.text[frame.cue_span[1] : span.start]
        if len(gap) > _GAP_LIMIT or self._has_quote(frame.cue_span[1], span.start):
            return None
        if "\n" in gap and not gap.rstrip().endswith(":"):
            return None  # a cue ending its paragraph with a colon introduces the next one
        if self._new_sentence_in(frame.cue_span[1], span.start) or not re.search(r"[:,]\s*$|^\s*$", gap):
            return None
        return frame

    def _has_quote(self, start: int, end: int) -> bool:
        return bool(self._overlapping(start, end))

    def _quotation_like(self, span: QuoteSpan) -> bool:
        """Long enough and verb-bearing enough to be said; short terms are scare quotes or titles."""
        words = re.findall(r"\w+", self.text[span.start : span.end])
        if len(words) >= self.lexicon.min_quote_words + 2:
            return True
        if len(words) < self.lexicon.min_quote_words:
            return False
        tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand") or []
        return any(t.pos_ in ("VERB", "AUX") for t in tokens)

    def _join_split_quotes(self) -> None:
        """“X,” he said. “Y.” -> one quotation: Y carries on X's quotation in the same paragraph."""
        for i, span in enumerate(self.spans):
            if i in self.owner or i == 0:
                continue
            prev = self.owner.get(i - 1)
            if prev is None or prev.kind == "indirect" or prev.end > span.start:
                continue
            if self.paras.index(prev.end - 1) != self.paras.index(span.start):
                continue
            core = self.text[prev.end : span.start].strip(" ,.;:\u2014\u2013-\u00a0\t")
            cue_inside = prev.cue_span is not None and prev.end <= prev.cue_span[0] < span.start
            if core and not (
                cue_inside and len(core) <= _JOIN_LIMIT and not self._new_sentence_in(prev.end, span.start)
            ):
                continue
            self._extend(prev, i)

    def _join_after_reported(self) -> None:
        """X is so, the mayor said. “Y.” -> the quoted sentence carries on the reported one."""
        for i, span in enumerate(self.spans):
            if i in self.owner or not span.double or not self._quotation_like(span):
                continue
            prev = self._last_draft_before(span.start)
            if prev is None or prev.kind != "indirect" or prev.cue_span is None or prev.cue_span[0] < prev.end:
                continue
            if self.paras.index(prev.start) != self.paras.index(span.start):
                continue
            core = self.text[prev.end : span.start].strip(" ,.;:\u2014\u2013-\u00a0\t")
            if len(core) > _JOIN_LIMIT or self._new_sentence_in(prev.end, span.start):
                continue
            prev.kind = "mixed"
            self._extend(prev, i)

    def _extend(self, draft: Draft, i: int) -> None:
        span = self.spans[i]
        draft.start = min(draft.start, span.start)
        draft.end = max(draft.end, span.end)
        draft.parts.extend(span.parts)
        self.owner[i] = draft
        self._register(draft)

    def _continue_paragraphs(self) -> None:
        """A paragraph that is a quotation with no cue carries on the previous paragraph's speaker."""
        for i, span in enumerate(self.spans):
            if i in self.owner or not self._quotation_like(span):
                continue
            para = self.paras.index(span.start)
            prev_para = self.paras.previous_nonblank(para)
            prev = self._last_draft_before(span.start)
            if prev is None or prev_para is None or self.paras.index(max(prev.start, prev.end - 1)) != prev_para:
                continue
            opens_paragraph = span.start == self.paras.first_char(para)
            # a closed quotation is not carried on by the next paragraph's (the marks scanner joins
            # paragraphs whose opening mark carries on): the new paragraph is its own quote
            if opens_paragraph and prev.speaker_span is not None:
                draft = self._new_direct(None, [i], "continuation")
                draft.speaker_head, draft.speaker_span = prev.speaker_head, prev.speaker_span
                draft.cue_token, draft.cue_span, draft.cue_type = prev.cue_token, None, prev.cue_type

    def _last_draft_before(self, pos: int) -> Draft | None:
        """The quotation ending last before ``pos`` in this or the previous paragraph; of nested
        ones, the one whose cue comes last."""
        para = self.paras.index(pos)
        prev_para = self.paras.previous_nonblank(para)
        near = self.by_para.get(para, []) + (self.by_para.get(prev_para, []) if prev_para is not None else [])
        best, best_key = None, None
        for draft in near:
            if draft.end > pos:
                continue
            key = (draft.end, draft.cue_span[0] if draft.cue_span else -1)
            if best_key is None or key > best_key:
                best, best_key = draft, key
        return best

    def _ends_paragraph(self, draft: Draft, para: int) -> bool:
        """Only the attribution follows the quotation in its paragraph."""
        _, end = self.paras.bounds(para)
        return not self._has_quote(draft.end, end) and not self._new_sentence_in(draft.end, end)

    # ------------------------------------------------------------------ finish

    def _finish(self) -> list[Draft]:
        unique: dict[tuple[int, int], Draft] = {}
        for draft in sorted(without_repeated_attributions(self.drafts), key=lambda d: (d.start, d.end)):
            draft.parts.sort()
            unique.setdefault((draft.start, draft.end), draft)
        return list(unique.values())


def doc_text(doc: Doc) -> str:
    """The document's text; ``Doc.text`` rebuilds it from every token, so the article's is used."""
    article = doc._.article if Doc.has_extension("article") else None
    text = getattr(article, "text", None)
    if isinstance(text, str) and _same_length(doc, text):
        return text
    return doc.text


def _same_length(doc: Doc, text: str) -> bool:
    last = doc[-1] if len(doc) else None
    return last is None or last.idx + len(last.text_with_ws) == len(text)


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where the parser starts sentences (read from arrays: ``doc.sents`` is slow)."""
    if not len(doc) or not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return []
    arr = doc.to_array([SENT_START, IDX])
    return [int(x) for x in arr[arr[:, 0] == 1, 1]]
