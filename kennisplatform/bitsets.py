"""Document sets as Python integers: bit n set = document number n is in the set.

AND, OR and popcount of ints run in C over machine words, so combining and counting sets of 100,000
documents costs microseconds; that is what makes facet counts cheap."""
from __future__ import annotations

from typing import Iterator

import numpy as np
from whoosh.idsets import DocIdSet


def iter_ids(bits: int) -> Iterator[int]:
    """Set bit positions in ascending order."""
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for index, byte in enumerate(data):
        while byte:
            low = byte & -byte
            yield (index << 3) + low.bit_length() - 1
            byte ^= low


def all_below(n: int) -> int:
    return (1 << n) - 1


class Membership(DocIdSet):
    """A read-only view of a bitset for Whoosh's collectors (`filter=`), with O(1) membership tests.
    Whoosh treats a falsy filter as 'no filter', so callers must not pass an empty set."""

    def __init__(self, bits: int):
        self._bytes = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
        self._len = bits.bit_count()

    def __contains__(self, docnum: int) -> bool:
        index = docnum >> 3
        return index < len(self._bytes) and bool(self._bytes[index] >> (docnum & 7) & 1)

    def __bool__(self) -> bool:
        return self._len > 0

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[int]:
        return iter_ids(int.from_bytes(self._bytes, "little"))


def from_array(docs: np.ndarray, size: int) -> int:
    """The set of the given docnums (all below `size`)."""
    mask = np.zeros(size, dtype=bool)
    mask[docs] = True
    return int.from_bytes(np.packbits(mask, bitorder="little").tobytes(), "little")


def to_mask(bits: int, size: int) -> np.ndarray:
    """A boolean array of `size` entries, True where the bit is set (bits at or above `size` are ignored)."""
    nbytes = (size + 7) // 8
    raw = (bits & all_below(size)).to_bytes(nbytes, "little")
    return np.unpackbits(np.frombuffer(raw, dtype=np.uint8), count=size, bitorder="little").view(bool)


def to_array(bits: int, size: int) -> np.ndarray:
    """The set's docnums, ascending, as an array."""
    return np.flatnonzero(to_mask(bits, size))


def word_count(size: int) -> int:
    """64-bit words needed for a set over `size` documents."""
    return (size + 63) // 64


def to_words(bits: int, size: int) -> np.ndarray:
    """The set as 64-bit words (bit n of the set = bit n % 64 of word n // 64), for numpy's popcount."""
    return np.frombuffer(bits.to_bytes(word_count(size) * 8, "little"), dtype="<u8").astype(np.uint64)


def mask_to_words(mask: np.ndarray) -> np.ndarray:
    """A boolean array as 64-bit words (to_words' layout)."""
    packed = np.packbits(mask, bitorder="little")
    padded = np.zeros(word_count(len(mask)) * 8, dtype=np.uint8)
    padded[:len(packed)] = packed
    return padded.view("<u8").astype(np.uint64)
