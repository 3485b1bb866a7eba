"""Sums the allocated input sections of an lld link map (-Map) by module: a SwiftPM target (its NAME.build
directory) or an archive of the toolchain (libFoundation.a, lib_FoundationICU.a, ...). Debug sections and .bss are
left out, so the total is close to the stripped program's size.

Usage: python3 bench/linkmap.py MAP [ROWS]
"""

import collections
import re
import sys

SKIPPED = (".debug", ".comment", ".symtab", ".strtab", ".shstrtab", ".bss", ".tbss")


def module(source):
    """The module an input section comes from."""
    target = re.search(r"/([^/]+)\.build/", source)
    if target:
        return target.group(1)
    if ".a(" in source:
        return source.split("(")[0].split("/")[-1]
    return source.split("/")[-1]


def sizes(path):
    """Bytes by module. lld's map has fixed columns: VMA, LMA, Size, Align, then an output section at column 49,
    its input sections indented by 8 and their symbols by 16."""
    totals = collections.Counter()
    output = None
    with open(path) as lines:
        for line in lines:
            try:
                size = int(line[34:42], 16)
            except ValueError:
                continue
            rest = line[49:].rstrip("\n")
            if not rest.startswith(" "):
                output = rest
            elif not rest.startswith(" " * 16) and output and not output.startswith(SKIPPED):
                totals[module(rest.strip().split(":(")[0])] += size
    return totals


def main():
    totals = sizes(sys.argv[1])
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    for name, size in totals.most_common(rows):
        print("%8.2f MB  %s" % (size / 1e6, name))
    print("%8.2f MB  in all" % (sum(totals.values()) / 1e6))


if __name__ == "__main__":
    main()
