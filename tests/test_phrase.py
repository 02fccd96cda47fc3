"""AdjacentPhrase agrees with Whoosh's own phrase query on a real on-disk index."""
import random

import pytest
from whoosh import index as whoosh_index
from whoosh.qparser import QueryParser

from indexer.index.schema import make_schema
from indexer.query.phrase import AdjacentPhrase

CHARS = "稀土永磁钕铁硼镝铽"


TEXTS = {}


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    rng = random.Random(7)
    ix = whoosh_index.create_in(str(tmp_path_factory.mktemp("phrase")), make_schema())
    with ix.writer() as writer:
        for n in range(300):
            TEXTS[str(n)] = "".join(rng.choice(CHARS) for _ in range(rng.randint(5, 60)))
            writer.add_document(id=str(n), content=TEXTS[str(n)])
    return ix


@pytest.mark.parametrize("phrase", ["稀土", "永磁", "钕铁硼", "稀土永磁", "镝镝", "铽稀土镝"])
def test_same_documents_as_whoosh_phrase(ix, phrase):
    ours = QueryParser("content", ix.schema, phraseclass=AdjacentPhrase).parse(phrase)
    theirs = QueryParser("content", ix.schema).parse(phrase)
    with ix.searcher() as searcher:
        found = {hit["id"] for hit in searcher.search(ours, limit=None)}
        expected = {hit["id"] for hit in searcher.search(theirs, limit=None)}
    assert found == expected == {n for n, text in TEXTS.items() if phrase in text}
    assert found  # the random corpus contains each phrase somewhere
