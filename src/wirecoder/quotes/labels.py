"""Quotations attributed by a pattern rather than a reporting verb: embedded posts ("text —
Name (@handle) date"), dash signatures ("“...” ― Jane Doe") and speaker labels ("SMITH: ...").

These steps run inside the assembler (:class:`wirecoder.quotes.assemble._Builder` inherits them)
and use its state: the text, the lexicon, the quotation spans, the paragraphs and the drafts.
"""

from __future__ import annotations

from wirecoder.quotes.drafts import Draft, strip_end


class LabelSteps:
    def _add_posts(self) -> None:
        """Embedded social-media posts: "text — Name (@handle) May 31, 2018"."""
        if "(@" not in self.text:
            return  # every post pattern names a handle
        for pattern in self.lexicon.posts:
            for m in pattern.regex.finditer(self.text):
                start, end = m.span("content")
                if self._inside_draft(start, end):
                    continue
                draft = Draft(start, end, "direct", [(start, end)], origin="post", cue_label=pattern.cue)
                draft.cue_type = "writing"
                draft.speaker_span = m.span("speaker")
                self._add(draft)
                for i in self._overlapping(start, end):
                    self.owner.setdefault(i, draft)

    def _add_dash_attributions(self) -> None:
        """A quotation signed with a dash: "“...” ― Jane Doe"."""
        for i, span in enumerate(self.spans):
            if i in self.owner or not span.double:
                continue
            m = self.lexicon.dash_speaker.match(self.text, span.end, min(len(self.text), span.end + 120))
            if m is None:
                continue
            draft = self._new_direct(None, [i], "dash")
            draft.speaker_span = m.span("speaker")
            draft.cue_label, draft.cue_type = m.group("dash"), "speech"

    def _add_colon_speakers(self) -> None:
        """Transcript and headline attributions: "PENCE: text" / "Smith: text"."""
        for n in range(len(self.paras.starts)):
            s, e = self.paras.bounds(n)
            line = self.text[s:e]
            if ":" not in line[:60]:
                continue
            m = self.lexicon.colon_speaker.match(line)
            if m is None or m.group("speaker") in self.lexicon.not_speakers:
                continue
            sp_start, sp_end = s + m.start("speaker"), s + m.end("speaker")
            if not self._names_someone(sp_start, sp_end):
                continue
            start, end = s + m.start("content"), s + m.end("content")
            if self.text[s:e].lstrip()[:1] in self.lexicon.marks:
                end = self._transcript_turn_end(n, end)
            end = strip_end(self.text, start, end)
            self._drop_first_person_inside(start, end)  # "Rubio: I still believe ...": Rubio's words
            if end - start < 3 or self._inside_draft(start, end):
                continue
            kind = "direct" if self._overlapping(start, end) else "indirect"
            draft = Draft(start, end, kind, [(start, end)], origin="colon", cue_label=":", cue_type="speech")
            draft.speaker_span = (sp_start, sp_end)
            self._add(draft)

    def _transcript_turn_end(self, n: int, end: int) -> int:
        """A quoted transcript turn ("PENCE: ...) runs on through paragraphs that open with a mark,
        up to the next speaker label or stage direction."""
        k = n + 1
        while k < len(self.paras.starts):
            s, e = self.paras.bounds(k)
            line = self.text[s:e].strip()
            if not line:
                k += 1
                continue
            body = line[1:].lstrip() if line[:1] in self.lexicon.marks else None
            if body is None or body[:1] in "([" or self.lexicon.colon_speaker.match(line):
                break
            end = e
            k += 1
        return end

    def _names_someone(self, start: int, end: int) -> bool:
        label = self.text[start:end]
        if label.isupper() and len(label) > 1:
            return True  # transcript speaker labels: "WALLACE:"
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(e.label_ in ("PERSON", "ORG", "GPE", "NORP") for e in span.ents)

    def _drop_first_person_inside(self, start: int, end: int) -> None:
        """Reports by "I"/"we" inside a labelled turn are the labelled speaker's own words."""
        paras = range(self.paras.index(start), self.paras.index(max(start, end - 1)) + 1)
        inside = {id(d): d for p in paras for d in self.by_para.get(p, []) if d.start < end and start < d.end}
        if not inside or not all(
            start <= d.start and d.end <= end and d.speaker_head is not None
            and d.speaker_head.lower_ in self.lexicon.self_pronouns
            for d in inside.values()
        ):  # fmt: skip
            return
        for draft in inside.values():
            self.drafts.remove(draft)
            for p in paras:
                if draft in self.by_para.get(p, []):
                    self.by_para[p].remove(draft)

    def _inside_draft(self, start: int, end: int) -> bool:
        paras = range(self.paras.index(start), self.paras.index(max(start, end - 1)) + 1)
        return any(d.start <= start < d.end or start <= d.start < end for p in paras for d in self.by_para.get(p, []))
