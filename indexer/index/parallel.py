"""Whoosh's parallel writer, with sub-writer processes that fail quietly.

A sub-writer that raises (a full disk) would print its traceback into the run's output;
here it ends with a failing status, and the build that misses its documents fails in one
line (``indexer.index.store``)."""
from __future__ import annotations

import os

from whoosh.multiproc import MpWriter, SubWriterTask


class QuietSubWriter(SubWriterTask):
    def run(self) -> None:
        try:
            super().run()
        except BaseException:   # noqa: BLE001 — the parent reports the failure
            os._exit(1)


class ParallelWriter(MpWriter):
    def _new_task(self):
        task = QuietSubWriter(self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs,
                              self.multisegment)
        self.tasks.append(task)
        task.start()
        return task
