"""Short articles written for the engine tests, with the odd items a real batch carries."""

from __future__ import annotations

from wirecoder.model import Article, Failure

_TEXTS = (
    "Japan's prime minister met the president of South Korea in Seoul on Friday. "
    '"We agreed to work together," he told reporters after the talks.',
    "Protesters marched through Nairobi on Tuesday to demand lower food prices. "
    "Police said 12 people were arrested near the parliament.",
    "The European Union imposed new sanctions on Belarus last week, officials in Brussels said.",
    "Chad and Niger signed a border agreement in N'Djamena on 3 March 2019.",
    "The UN Security Council will meet next Monday to discuss the ceasefire in Yemen. "
    "Diplomats said Russia could veto the draft resolution.",
    "Brazil's foreign minister accused Venezuela of threatening its northern border.",
)


def engine_articles(copies: int = 3) -> list[Article | Failure]:
    """Articles of varied length and metadata, plus a read failure, a blank text and a long one."""
    items: list[Article | Failure] = []
    for copy in range(copies):
        for n, text in enumerate(_TEXTS):
            date = f"2019-0{1 + n % 9}-1{copy}" if n % 2 == 0 else None
            items.append(Article(text=text, id=f"c{copy}-{n}", date=date, title=f"t{n}", origin=f"mem:{copy}:{n}"))
    items.insert(4, Failure(id=None, origin="broken.jsonl:7", reason="not JSON"))
    items.insert(9, Article(text="   \n ", origin="mem:blank"))
    items.insert(11, Article(text=" ".join(_TEXTS) * 4, id="long", date="2020-02-02", origin="mem:long"))
    return items


class CountedInput:
    """An input stream that counts the items an engine has taken from it."""

    def __init__(self, items: list[Article | Failure]) -> None:
        self.items = items
        self.taken = 0

    def __iter__(self):
        for item in self.items:
            self.taken += 1
            yield item


def most_ahead(results, counted: CountedInput) -> int:
    """Consume results one by one; the most items ever taken from the input but not yet returned."""
    ahead = 0
    for returned, _ in enumerate(results, start=1):
        ahead = max(ahead, counted.taken - returned)
    return ahead
