"""Checking a batch on several processes (``checker check --jobs N``).

The batch is cut into tasks (a story: the versions of one text that are checked together, so that a fix
of one version is seen by the others in the same order as in one process); each worker process sets up
its own engine once (``setup``: the compiled table is read from the cache) and runs ``work`` on a task at
a time. Results come back in task order, so the report is the same whatever the number of processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

#: What ``setup`` built in this worker process, handed to every ``work`` call.
_state: list = []


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity where the system says, else the CPU count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def workers_for(jobs: int, tasks: int) -> int:
    """How many processes ``--jobs`` gives for this many tasks: ``0`` means one per available CPU; never
    more processes than tasks."""
    wanted = available_cpus() if jobs == 0 else jobs
    return max(1, min(wanted, tasks))


def _start(setup: Callable, args: tuple) -> None:
    _state[:] = [setup(*args)]


def _run(work: Callable, task):
    return work(_state[0], task)


def map_tasks(work: Callable, tasks: Sequence, setup: Callable, setup_args: tuple, workers: int) -> list | None:
    """``[work(state, task) for task in tasks]`` on ``workers`` processes, where each process's ``state``
    is ``setup(*setup_args)``; ``work``, ``setup`` and the tasks must pickle (module-level functions,
    plain data). Tasks go out in small chunks, largest first, so that one long story does not hold the
    last worker alone; the results come back in the order of ``tasks``. None when this system cannot
    start worker processes (no working semaphores: some containers and sandboxes)."""
    from functools import partial

    try:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=workers, initializer=_start, initargs=(setup, setup_args))
    except (ImportError, NotImplementedError, OSError):
        return None
    order = sorted(range(len(tasks)), key=lambda i: -_size(tasks[i]))
    chunk = max(1, min(16, len(tasks) // (workers * 8)))
    with pool:
        done = list(pool.map(partial(_run, work), [tasks[i] for i in order], chunksize=chunk))
    out: list = [None] * len(tasks)
    for i, result in zip(order, done, strict=True):
        out[i] = result
    return out


def _size(task) -> int:
    """The length of a task's texts (a task may say with ``size()``), for the largest-first order."""
    size = getattr(task, "size", None)
    return size() if callable(size) else 0
