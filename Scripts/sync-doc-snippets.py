#!/usr/bin/env python3
"""Keeps the code in Docs/*.md equal to the compiled example code it quotes.

A doc quotes a region of a source file with a marker line followed by a fenced block:

    <!-- snippet: Examples/Sources/WebhookExampleServer/ExampleRouter.swift#hummingbird-router -->
    ```swift
    ...
    ```

The region is the lines between `// snippet.<name>` and the next `// snippet.end` in that file, with their
common indentation removed.

    python3 Scripts/sync-doc-snippets.py           # rewrite the blocks from the sources
    python3 Scripts/sync-doc-snippets.py --check   # exit 1 when a block differs from its source
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^<!-- snippet: (?P<path>[^#]+)#(?P<name>[\w.-]+) -->$")


def region(path: str, name: str) -> str:
    lines = (ROOT / path).read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == f"// snippet.{name}")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].strip() == "// snippet.end")
    body = lines[start + 1 : end]
    indent = min((len(line) - len(line.lstrip(" ")) for line in body if line.strip()), default=0)
    return "\n".join(line[indent:] for line in body)


def process(doc: pathlib.Path, write: bool) -> list[str]:
    lines = doc.read_text(encoding="utf-8").split("\n")
    problems = []
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        match = MARKER.match(line)
        if not match:
            i += 1
            continue
        if i + 1 >= len(lines) or lines[i + 1] != "```swift":
            problems.append(f"{doc.name}:{i + 1}: a snippet marker must be followed by ```swift")
            i += 1
            continue
        close = next(j for j in range(i + 2, len(lines)) if lines[j] == "```")
        current = "\n".join(lines[i + 2 : close])
        try:
            wanted = region(match["path"], match["name"])
        except (OSError, StopIteration):
            problems.append(f"{doc.name}:{i + 1}: no region {match['name']} in {match['path']}")
            wanted = current
        if current != wanted:
            problems.append(f"{doc.name}:{i + 1}: block differs from {match['path']}#{match['name']}")
        out += ["```swift", *wanted.split("\n"), "```"]
        i = close + 1
    if write:
        doc.write_text("\n".join(out), encoding="utf-8")
    return problems


def main() -> int:
    check = "--check" in sys.argv[1:]
    problems = []
    for doc in sorted((ROOT / "Docs").glob("*.md")):
        problems += process(doc, write=not check)
    for problem in problems:
        print(problem, file=sys.stderr)
    if check and problems:
        print("run python3 Scripts/sync-doc-snippets.py", file=sys.stderr)
        return 1
    print("doc snippets " + ("match their sources" if check else "written"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
