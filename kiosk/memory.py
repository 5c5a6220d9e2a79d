"""Give memory the kiosk no longer uses back to the system, between two visitors.

glibc keeps freed memory for later (pictures of a few megabytes each come and go
with every page), so a kiosk's resident size drifts up and down with what the
last visitor opened. At an idle reset nothing of that visitor is kept, and
``malloc_trim`` returns the free pages: the kiosk rests at the same size day
after day, and a real leak shows as growth instead of hiding in the noise.
Elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import logging

log = logging.getLogger(__name__)


@functools.cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def give_back() -> bool:
    """Return free heap memory to the system; False where the C library cannot."""
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
